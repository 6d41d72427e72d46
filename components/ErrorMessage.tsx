/** An error in the user's terms, announced to screen readers as it appears. */
export function ErrorMessage({ message }: { message: string | undefined }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
