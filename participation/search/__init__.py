"""Search over ideas and official answers, and similar ideas while submitting."""
