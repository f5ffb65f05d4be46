{
    "name": "Purchase",
    "version": "0.1.0",
    "depends": ["stock"],
    "summary": "Suppliers, purchase contracts, receiving (live hogs at the weighbridge), payables and purchase returns",
    "category": "Purchase",
    "data": ["security/access.csv"],
}
