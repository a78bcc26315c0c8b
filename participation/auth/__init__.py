"""Accounts: register, confirm, sign in, reset; users and roles."""
