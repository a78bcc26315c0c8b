"""Administration: users and roles, themes, and the site's moderation settings."""
