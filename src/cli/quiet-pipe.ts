/** `eventwire events | head` closes the pipe early: that is the reader's choice, not an error. */
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
