/** The part of an account description that an error is about. */
export type OtpField =
  'uri' | 'scheme' | 'type' | 'label' | 'issuer' | 'secret' | 'algorithm' | 'digits' | 'period' | 'counter' | 'code';

/**
 * A rejection of bad input that names the field at fault, so the UI can say exactly what is wrong
 * ("secret is not base32") and tests can tell parser rejections from bugs.
 */
export class OtpFieldError extends TypeError {
  override readonly name = 'OtpFieldError';

  constructor(
    readonly field: OtpField,
    message: string,
  ) {
    super(message);
  }
}
