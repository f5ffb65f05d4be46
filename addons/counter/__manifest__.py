{
    "name": "Counter sales",
    "version": "0.1.0",
    "depends": ["weighing"],
    "summary": "Walk-in and market counter sales weighed on the counter's scale, paid by several methods, with returns and shift closing",
    "category": "Sales",
    "data": ["security/access.csv"],
}
