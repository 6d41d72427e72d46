/** @jsxImportSource react */
/**
 * MUI with mui-one-time-password-input, as its documentation shows it: a controlled `MuiOtpInput`
 * whose `onChange` sets React state (https://viclafouch.github.io/mui-otp-input/docs/api-reference/).
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Box, Button, Typography } from '@mui/material';
import { MuiOtpInput } from 'mui-one-time-password-input';

function TwoFactor() {
  const [otp, setOtp] = useState('');
  return (
    <Box component="form" sx={{ maxWidth: 420, m: 4 }} onSubmit={(event) => event.preventDefault()}>
      <Typography variant="h5" component="h1" gutterBottom>
        Two-factor authentication
      </Typography>
      <Typography gutterBottom>Enter the 6-digit code from your authenticator app.</Typography>
      <MuiOtpInput value={otp} onChange={setOtp} length={6} />
      <Button type="submit" variant="contained" sx={{ mt: 2 }}>
        Verify
      </Button>
      <output data-state={otp}>{otp}</output>
    </Box>
  );
}

createRoot(document.getElementById('root')!).render(<TwoFactor />);
