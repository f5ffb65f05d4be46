{
    "name": "Weighing",
    "version": "0.1.0",
    "depends": ["dispatch"],
    "summary": "Scale drivers, weighing stations and live weight at the shipping desk",
    "category": "Dispatch",
    "data": ["security/access.csv"],
}
