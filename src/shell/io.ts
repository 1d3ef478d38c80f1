// Byte streams between simulated commands: output sinks (a callback, a buffer, a pipe's write
// end, a file) and input sources (a string, a pipe's read end). A pipe has a bounded buffer so a
// writer like `yes` waits for its reader, and writing after the reader has gone fails with
// SIGPIPE, which is how `yes | head -n 3` ends. No upstream file.

export interface Output {
  write(data: string): Promise<void>;
  close?(): void;
}

export interface Input {
  /** The next chunk, or null at end of input. */
  read(): Promise<string | null>;
  /** The reader is done; writers of a pipe then get SIGPIPE. */
  close?(): void;
}

/** Raised in a writer whose reader has closed (exit status 141, 128 + SIGPIPE). */
export class BrokenPipe extends Error {
  constructor() {
    super("broken pipe");
  }
}

export function sinkOutput(fn: (data: string) => void): Output {
  return { write: async (d) => fn(d) };
}

export class BufferOutput implements Output {
  text = "";
  async write(data: string): Promise<void> {
    this.text += data;
  }
}

export const nullOutput: Output = { write: async () => {} };

export function stringInput(s: string): Input {
  let done = s === "";
  return {
    read: async () => {
      if (done) return null;
      done = true;
      return s;
    },
  };
}

export const emptyInput: Input = { read: async () => null };

const PIPE_CAPACITY = 65536;

export class Pipe {
  private chunks: string[] = [];
  private size = 0;
  private writerClosed = false;
  private readerClosed = false;
  private wakeReader?: () => void;
  private wakeWriter?: () => void;

  readonly writer: Output = {
    write: async (data: string) => {
      if (this.readerClosed) throw new BrokenPipe();
      if (data === "") return;
      this.chunks.push(data);
      this.size += data.length;
      this.wake("reader");
      while (this.size > PIPE_CAPACITY && !this.readerClosed) await new Promise<void>((r) => (this.wakeWriter = r));
    },
    close: () => {
      this.writerClosed = true;
      this.wake("reader");
    },
  };

  readonly reader: Input = {
    read: async () => {
      while (this.chunks.length === 0 && !this.writerClosed) await new Promise<void>((r) => (this.wakeReader = r));
      if (this.chunks.length === 0) return null;
      const data = this.chunks.join("");
      this.chunks = [];
      this.size = 0;
      this.wake("writer");
      return data;
    },
    close: () => {
      this.readerClosed = true;
      this.chunks = [];
      this.size = 0;
      this.wake("writer");
    },
  };

  private wake(who: "reader" | "writer"): void {
    const f = who === "reader" ? this.wakeReader : this.wakeWriter;
    if (who === "reader") this.wakeReader = undefined;
    else this.wakeWriter = undefined;
    f?.();
  }
}

/** Read all of an input. */
export async function readAll(input: Input): Promise<string> {
  let out = "";
  for (let c = await input.read(); c !== null; c = await input.read()) out += c;
  return out;
}

/** Iterate an input line by line (lines without their newline; a last unterminated line too). */
export async function* readLines(input: Input): AsyncGenerator<string> {
  let buf = "";
  for (let c = await input.read(); c !== null; c = await input.read()) {
    buf += c;
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      yield buf.slice(0, i);
      buf = buf.slice(i + 1);
    }
  }
  if (buf !== "") yield buf;
}
