/**
 * vue3-otp-input, registered and used as its README shows it: `v-otp-input` with
 * `v-model:value` on a ref and `:num-inputs` (https://github.com/ejirocodes/vue3-otp-input#usage).
 * The template is compiled in the browser (the build aliases `vue` to its full build).
 */
import { createApp, ref } from 'vue';
import VOtpInput from 'vue3-otp-input';
import './vue3-otp-input.css';

createApp({
  components: { VOtpInput },
  setup() {
    const bindValue = ref('');
    return { bindValue };
  },
  template: `
    <form style="max-width: 420px; margin: 32px" @submit.prevent>
      <h1>Two-factor authentication</h1>
      <p>Enter the 6-digit code from your authenticator app.</p>
      <div style="display: flex; flex-direction: row">
        <v-otp-input
          input-classes="otp-input"
          separator="-"
          input-type="number"
          :num-inputs="6"
          v-model:value="bindValue"
          :should-auto-focus="false"
        />
      </div>
      <button type="submit">Verify</button>
      <output :data-state="bindValue">{{ bindValue }}</output>
    </form>`,
}).mount('#root');
