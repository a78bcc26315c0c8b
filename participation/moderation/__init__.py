"""Moderation and official answers: reports, the queue, hiding, bans, the log, idea status."""
