import "server-only";

/**
 * A value already serialized as UTF-8 JSON, typed by what it encodes. The list reads get their
 * JSON straight from the database, and the route wrapper sends these bytes as they are: building
 * one object per row only to stringify it again was most of a 100-vote read's cost.
 */
export class SerializedJson<T> {
  /** Type-level only: what the bytes decode to. */
  declare readonly encodes?: T;

  constructor(readonly bytes: Uint8Array<ArrayBuffer>) {}

  static of<T>(value: T): SerializedJson<T> {
    return new SerializedJson<T>(Buffer.from(JSON.stringify(value)));
  }
}
