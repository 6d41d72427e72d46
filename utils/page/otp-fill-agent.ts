/**
 * The page side of a fill: answers the background's two questions, once per injection per frame.
 * "detect" (how well this frame can take a code of N characters, without the code) and "fill"
 * (here is the code, for the field found). The background asks every frame to detect, and sends
 * the code to one frame only.
 */
import { findOtpFields, type OtpFieldsFound } from '../core/otp-fields';
import { allInputs, describeFields } from './describe-fields';
import { fillSingle, fillSplit } from './fill-code';

export type AgentRequest = { type: 'tessera.detect'; length: number } | { type: 'tessera.fill'; code: string };
export type Detected = { found: OtpFieldsFound['kind']; score: number; origin: string };
export type FillResult = { filled: boolean; how?: 'single' | 'split'; reason?: string };

function detect(length: number): { found: OtpFieldsFound; inputs: HTMLInputElement[] } {
  const inputs = allInputs(document);
  return { found: findOtpFields(describeFields(inputs), length), inputs };
}

export async function answer(request: AgentRequest): Promise<Detected | FillResult> {
  if (request.type === 'tessera.detect') {
    const { found } = detect(request.length);
    return { found: found.kind, score: found.kind === 'single' ? found.score : found.kind === 'split' ? 1000 : 0, origin: location.origin };
  }
  const { found, inputs } = detect(request.code.length);
  if (found.kind === 'none') return { filled: false, reason: 'no-field' };
  if (found.kind === 'single') return { filled: await fillSingle(inputs[found.index]!, request.code), how: 'single' };
  return { filled: await fillSplit(found.indexes.map((index) => inputs[index]!), request.code), how: 'split' };
}
