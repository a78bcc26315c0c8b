"""Comments and replies on ideas."""
