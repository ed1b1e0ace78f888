/**
 * A secret the server keeps only as a hash (an API key) or will never show again (a webhook's
 * signing secret): shown once, right after it was made, with the warning to copy it now.
 */
export function ShownOnce({ heading, value, testId }: { heading: string; value: string; testId: string }) {
  return (
    <div className="alert alert--warn" role="status">
      <p>
        <strong>{heading}</strong>
      </p>
      <p>
        <code className="break" data-testid={testId}>
          {value}
        </code>
      </p>
    </div>
  );
}
