"""Policy staff exports of the top ideas per theme, insight for staff, and public answer figures."""
