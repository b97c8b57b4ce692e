import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  const transient = (error: unknown) => (error as Error).message === 'database away';

  it('writes what arrives while a write is in flight as one group, up to what a group admits', async () => {
    const groups: number[][] = [];
    const batcher = new MicroBatcher<number>({
      group: () => (_next, size) => size < 3,
      write: async (group) => void groups.push([...group]),
      isTransient: transient,
    });
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('settles each item as the writer says', async () => {
    const batcher = new MicroBatcher<number>({
      group: () => () => true,
      write: async (group) => group.map((n) => (n % 2 ? undefined : new Error(`even ${n}`))),
      isTransient: transient,
    });
    const settled = await Promise.allSettled([1, 2].map((n) => batcher.add(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('writes a refused group again item by item, so that one bad item fails alone', async () => {
    const batcher = new MicroBatcher<string>({
      group: () => () => true,
      write: async (group) => {
        if (group.includes('bad')) throw new Error('refused');
      },
      isTransient: transient,
    });
    const settled = await Promise.allSettled(['a', 'bad', 'b'].map((s) => batcher.add(s)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails a whole group at once when the failure is transient (each alone would fail the same)', async () => {
    let writes = 0;
    const batcher = new MicroBatcher<string>({
      group: () => () => true,
      write: async () => {
        writes++;
        throw new Error('database away');
      },
      isTransient: transient,
    });
    const settled = await Promise.allSettled(['a', 'b'].map((s) => batcher.add(s)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(writes).toBe(1);
  });
});
