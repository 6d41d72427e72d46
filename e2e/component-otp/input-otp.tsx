/** @jsxImportSource react */
/**
 * input-otp, the component shadcn/ui's `InputOTP` wraps: one transparent `<input>` laid over
 * drawn slots, controlled with `value`/`onChange` and drawn with `render`, as its README shows
 * (https://github.com/guilhermerodz/input-otp#usage; https://ui.shadcn.com/docs/components/input-otp).
 */
import { useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { OTPInput, REGEXP_ONLY_DIGITS, type SlotProps } from 'input-otp';

const slotStyle: CSSProperties = {
  width: 40,
  height: 48,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  border: '1px solid #c4c4c4',
  fontSize: 20,
};

function Slot({ char, isActive }: SlotProps) {
  return <div style={{ ...slotStyle, outline: isActive ? '2px solid #333' : undefined }}>{char}</div>;
}

function TwoFactor() {
  const [value, setValue] = useState('');
  return (
    <form style={{ maxWidth: 420, margin: 32 }} onSubmit={(event) => event.preventDefault()}>
      <h1>Two-factor authentication</h1>
      <p>Enter the 6-digit code from your authenticator app.</p>
      <OTPInput
        maxLength={6}
        pattern={REGEXP_ONLY_DIGITS}
        value={value}
        onChange={setValue}
        containerClassName="otp-group"
        render={({ slots }) => (
          <div style={{ display: 'flex', gap: 8 }}>
            {slots.map((slot, index) => (
              <Slot key={index} {...slot} />
            ))}
          </div>
        )}
      />
      <button type="submit">Verify</button>
      <output data-state={value}>{value}</output>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<TwoFactor />);
