"""ReportLab builders (visit record, agreement, receipt, statement), PAdES signing, fonts."""
