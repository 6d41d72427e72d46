/**
 * The page side of a fill: answers the background's two questions, once per injection per frame.
 * "detect" (how well this frame can take a code of N characters, without the code) and "fill"
 * (here is the code, for the field found). The background asks every frame to detect, and sends
 * the code to one frame only. `focused`: the user right-clicked a field ("Fill one-time code"),
 * which then takes the code if it is no decoy.
 */
import type { OtpFieldsFound } from '../../core/fill/field-descriptor';
import { findChosenField, findOtpFields } from '../../core/fill/otp-fields';
import { allInputs, describeFields } from './describe-fields';
import { fillSingle, fillSplit } from './fill-code';

export type AgentRequest =
  | { type: 'tessera.detect'; length: number; focused?: boolean }
  /** `origin`: the origin the background checked; another document in this frame refuses the code. */
  | { type: 'tessera.fill'; code: string; focused?: boolean; origin: string };
export type Detected = { found: OtpFieldsFound['kind']; score: number; origin: string };
export type FillResult = { filled: boolean; how?: 'single' | 'split'; reason?: string };

/** The focused element, looking inside open shadow roots. */
function focusedElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

function detect(length: number, focused = false): { found: OtpFieldsFound; inputs: HTMLInputElement[] } {
  const inputs = allInputs(document);
  const fields = describeFields(inputs);
  const found = focused
    ? findChosenField(fields, length, inputs.indexOf(focusedElement() as HTMLInputElement))
    : findOtpFields(fields, length);
  return { found, inputs };
}

export async function answer(request: AgentRequest): Promise<Detected | FillResult> {
  if (request.type === 'tessera.detect') {
    const { found } = detect(request.length, request.focused);
    return {
      found: found.kind,
      score: found.kind === 'single' ? found.score : found.kind === 'split' ? 1000 : 0,
      origin: location.origin,
    };
  }
  // Firefox cannot address a document: a frame that navigated to another origin since it was asked refuses here.
  if (request.origin !== location.origin) return { filled: false, reason: 'navigated' };
  const { found, inputs } = detect(request.code.length, request.focused);
  if (found.kind === 'none') return { filled: false, reason: 'no-field' };
  if (found.kind === 'single') return { filled: await fillSingle(inputs[found.index]!, request.code), how: 'single' };
  return {
    filled: await fillSplit(
      found.indexes.map((index) => inputs[index]!),
      request.code,
    ),
    how: 'split',
  };
}
