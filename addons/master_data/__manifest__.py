{
    "name": "Master Data",
    "version": "0.1.0",
    "depends": [],
    "summary": "Customers, products, units, regions and price lists",
    "category": "Master data",
    "data": ["security/access.csv"],
}
