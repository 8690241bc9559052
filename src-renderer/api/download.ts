/**
 * A file the web edition's server sends as an attachment (the export): kept in a Blob and
 * handed to the browser's own download, under the server's name for it.
 */
export async function saveAttachment(res: Response): Promise<string> {
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'specvet-download';
  const url = URL.createObjectURL(await res.blob());
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // After the click the browser has its own reference; a later revoke keeps it from racing.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}
