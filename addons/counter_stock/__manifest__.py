{
    "name": "Counter sales from stock",
    "version": "0.1.0",
    "depends": ["counter", "stock"],
    "summary": "What the counter sells leaves stock, and what comes back returns to it",
    "category": "Sales",
    "data": [],
}
