"""report: a stored run as a scorecard (PDF, self-contained HTML), a findings CSV or result JSON.

The entry point is `reports.render.render_report`; it is not imported here, because
WeasyPrint is slow to import and most commands never render a PDF.
"""
