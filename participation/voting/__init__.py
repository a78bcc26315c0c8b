"""Supporting ideas: cast and withdraw a vote."""
