// Some unit specs load the whole shipped reference data (a second or two); allow for a busy machine.
jest.setTimeout(60000);
