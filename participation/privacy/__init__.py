"""Residents control their data: download it, delete the account, inactive accounts fade."""
