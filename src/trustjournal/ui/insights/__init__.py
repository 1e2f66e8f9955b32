"""The Insights page's charts, period bar and wording."""
