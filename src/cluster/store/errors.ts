// Store errors beyond the contract in types.ts. Mirrors etcd's mvcc.ErrFutureRev
// ("mvcc: required revision is a future revision"), returned for a read or compaction at a
// revision the store has not reached.
export class FutureRevisionError extends Error {
  constructor(readonly requested: number, readonly current: number) {
    super(`required revision is a future revision: ${requested} > ${current}`);
  }
}
