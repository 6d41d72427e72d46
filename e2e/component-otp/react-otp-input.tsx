/** @jsxImportSource react */
/**
 * react-otp-input v3, as its README shows it: `value`/`onChange` on React state, `numInputs`,
 * and `renderInput` returning a plain `<input>` (https://github.com/devfolioco/react-otp-input#basic-usage).
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import OTPInput from 'react-otp-input';

function TwoFactor() {
  const [otp, setOtp] = useState('');
  return (
    <form style={{ maxWidth: 420, margin: 32 }} onSubmit={(event) => event.preventDefault()}>
      <h1>Two-factor authentication</h1>
      <p>Enter the 6-digit code from your authenticator app.</p>
      <OTPInput
        value={otp}
        onChange={setOtp}
        numInputs={6}
        renderSeparator={<span>-</span>}
        renderInput={(props) => <input {...props} />}
        inputStyle={{ width: '2.5rem', height: '2.5rem', margin: '0 4px', fontSize: '1.25rem' }}
      />
      <button type="submit">Verify</button>
      <output data-state={otp}>{otp}</output>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<TwoFactor />);
