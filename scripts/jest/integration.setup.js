// Integration tests talk to a real broker and database; consumer-group joins alone take seconds.
jest.setTimeout(120000);
