/** @jsxImportSource react */
/**
 * Ant Design's `Input.OTP` (antd ≥ 5.16), as its documentation shows it: `length` and an
 * `onChange` that receives the whole code once every box is filled, kept in React state
 * (https://ant.design/components/input#input-demo-otp).
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Form, Input, Typography } from 'antd';

function TwoFactor() {
  const [otp, setOtp] = useState('');
  return (
    <Form layout="vertical" style={{ maxWidth: 420, margin: 32 }}>
      <Typography.Title level={3}>Two-factor authentication</Typography.Title>
      <Typography.Paragraph>Enter the 6-digit code from your authenticator app.</Typography.Paragraph>
      <Form.Item>
        <Input.OTP length={6} onChange={setOtp} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        Verify
      </Button>
      <output data-state={otp}>{otp}</output>
    </Form>
  );
}

createRoot(document.getElementById('root')!).render(<TwoFactor />);
