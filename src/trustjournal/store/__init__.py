"""The encrypted vault: key file, SQLCipher connection, migrations and repositories."""
