/**
 * The updates part of the contract: whether Folio may check for a new version. Checks are off
 * until the author turns them on, and only the installed desktop app can update itself. Spread
 * into `inputSchemas` / `MethodOutputs` of `contract.ts`.
 */
import { z } from 'zod';

/** Input schemas of the update methods, spread into `inputSchemas`. */
export const updateInputSchemas = {
  /** Whether update checks are on, and whether this Folio can update itself at all. */
  getUpdateChecks: z.object({}).strict(),
  /** Turns update checks on or off (refused where Folio cannot update itself). */
  setUpdateChecks: z.object({ enabled: z.boolean() }).strict(),
} as const;

/** The update checks as the settings show them. */
export interface UpdateChecks {
  /** True in the installed desktop app, which can update itself. */
  readonly available: boolean;
  /** True once the author turned update checks on (default off). */
  readonly enabled: boolean;
  /** Why this Folio does not update itself, in words; `null` when it does. */
  readonly unavailableReason: string | null;
}

/** Outputs of the update methods, merged into `MethodOutputs`. */
export interface UpdateMethodOutputs {
  getUpdateChecks: UpdateChecks;
  setUpdateChecks: UpdateChecks;
}
