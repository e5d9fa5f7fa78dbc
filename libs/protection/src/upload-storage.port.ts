/** Which upload: its job's id, in its workspace. */
export interface UploadRef {
  workspaceId: string;
  uploadId: string;
}

/**
 * Uploaded files (an import's sheet) for the length of their job: sealed under a key of their
 * own, wrapped by the master key, so that no byte of a sheet (the names in it) reaches the
 * database in clear, not even its write-ahead log. The job's end deletes the file and its key,
 * unless an admin asked to keep it for some days; erasing a person deletes every upload that
 * names her, kept or not.
 */
export interface UploadStorage {
  /**
   * Seals and stores the bytes (the same ref stored twice keeps the first copy and the later
   * of the two keeping dates). `keepDays`: 0 deletes it when its job ends.
   */
  put(ref: UploadRef, bytes: Buffer, keepDays: number): Promise<void>;
  /** The plain bytes; `undefined` once deleted (or never stored in this workspace). */
  get(ref: UploadRef): Promise<Buffer | undefined>;
  /** Records that the upload names these persons (their ids), for their erasure. */
  naming(ref: UploadRef, personIds: readonly string[]): Promise<void>;
  /** Its job ended: deleted unless kept; uploads kept past their date go with it. */
  release(ref: UploadRef): Promise<void>;
  /** Erasure: deletes every upload of the workspace that names one of these persons. */
  forgetPersons(workspaceId: string, personIds: readonly string[]): Promise<number>;
}

export const UPLOAD_STORAGE = Symbol('UploadStorage');
