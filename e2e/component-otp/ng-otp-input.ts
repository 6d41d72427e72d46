/**
 * ng-otp-input on Angular, as its README shows it: a standalone component importing
 * `NgOtpInputComponent`, with `(onInputChange)` setting the component's state and
 * `[config]="{ length: 6 }"` (https://github.com/code-farmz/ng-otp-input#usage). Angular compiles
 * the template in the browser (JIT: `@angular/compiler` is loaded), zoneless as Angular 21 is by default.
 */
import '@angular/compiler';
import { Component, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { NgOtpInputComponent } from 'ng-otp-input';

@Component({
  selector: 'app-two-factor',
  standalone: true,
  imports: [NgOtpInputComponent],
  template: `
    <form style="max-width: 420px; margin: 32px" (submit)="$event.preventDefault()">
      <h1>Two-factor authentication</h1>
      <p>Enter the 6-digit code from your authenticator app.</p>
      <ng-otp-input
        (onInputChange)="onOtpChange($event)"
        [config]="{ length: 6, allowNumbersOnly: true }"
      ></ng-otp-input>
      <button type="submit">Verify</button>
      <output [attr.data-state]="otp()">{{ otp() }}</output>
    </form>
  `,
})
class TwoFactorComponent {
  readonly otp = signal('');

  onOtpChange(value: string) {
    this.otp.set(value);
  }
}

bootstrapApplication(TwoFactorComponent).catch((error: unknown) => console.error(error));
