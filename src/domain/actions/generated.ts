import type { SheetSnapshot } from '../snapshot';

/**
 * A sheet PlanCheck generated, as the workbook's own record says (the host sets `generated` from it: the file's
 * ownership tag, or the add-in's record in Excel): it is not a plan, so a re-check neither parses nor flags it.
 * Never judged by its name or its A1 text: a user's sheet that looks like ours is checked like any other.
 */
export const isGeneratedSheet = (sheet: SheetSnapshot): boolean => sheet.generated === true;
