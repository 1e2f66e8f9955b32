"""The chosen-summary export: ExportRequest → Summary → Markdown, HTML or PDF (DESIGN.md §5)."""
