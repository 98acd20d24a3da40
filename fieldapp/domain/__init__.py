"""Pure domain: records, money, aging and validation rules (standard library only)."""
