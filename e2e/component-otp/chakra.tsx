/** @jsxImportSource react */
/**
 * Chakra UI v3's `PinInput` in OTP mode, controlled as its documentation shows it: `value` an
 * array of characters, `onValueChange` setting React state
 * (https://chakra-ui.com/docs/components/pin-input#controlled).
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Box, Button, ChakraProvider, defaultSystem, Heading, PinInput, Text } from '@chakra-ui/react';

function TwoFactor() {
  const [value, setValue] = useState(['', '', '', '', '', '']);
  const code = value.join('');
  return (
    <Box as="form" maxW="420px" m="8" onSubmit={(event) => event.preventDefault()}>
      <Heading as="h1" size="lg" mb="2">
        Two-factor authentication
      </Heading>
      <Text mb="4">Enter the 6-digit code from your authenticator app.</Text>
      <PinInput.Root otp value={value} onValueChange={(details) => setValue(details.value)}>
        <PinInput.HiddenInput />
        <PinInput.Control>
          {[0, 1, 2, 3, 4, 5].map((index) => (
            <PinInput.Input key={index} index={index} />
          ))}
        </PinInput.Control>
      </PinInput.Root>
      <Button type="submit" mt="4">
        Verify
      </Button>
      <output data-state={code}>{code}</output>
    </Box>
  );
}

createRoot(document.getElementById('root')!).render(
  <ChakraProvider value={defaultSystem}>
    <TwoFactor />
  </ChakraProvider>,
);
