"""Word lists the generators draw from: names, sectors, company-name parts, programs, channels, notes.

Pure data, all invented. The companies themselves are built from these parts once, in
`netinsight.datasets._catalogue`.
"""

from __future__ import annotations

from typing import Final

_FIRST: Final[tuple[str, ...]] = (
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonah",
    "Kiara", "Liam", "Maya", "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tara",
    "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Dmitri",
    "Esther", "Felix", "Gita", "Hugo", "Ivy", "Jamal", "Kenji", "Lucia", "Marco", "Nadia",
    "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Uma", "Victor", "Wanda", "Yara", "Zane",
    "Aisha", "Boris", "Clara", "Diego", "Emeka", "Fatima", "Gabriel", "Hana", "Isaac", "Jana",
    "Kofi", "Leila", "Mateo", "Nora", "Oscar", "Paula", "Ravi", "Selin", "Theo", "Ursula",
    "Valentin", "Willa", "Xavier", "Yuki", "Zara", "Adele", "Bilal", "Cyrus", "Daria", "Elias",
    "Freya", "Gustavo", "Helena", "Imani", "Joel", "Kamal", "Lars", "Mina", "Noah", "Olivia",
    "Pedro", "Rina", "Soren", "Tessa", "Usha", "Vikram", "Wren", "Yael", "Zubair", "Anouk",
)  # fmt: skip

_LAST: Final[tuple[str, ...]] = (
    "Ruiz", "Chen", "Okafor", "Patel", "Novak", "Silva", "Kim", "Haddad", "Berg", "Costa",
    "Dubois", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Mendes",
    "Nakamura", "Oliveira", "Petrov", "Rossi", "Santos", "Tanaka", "Ueda", "Vargas", "Weber",
    "Xu", "Yilmaz", "Zhang", "Abbott", "Bauer", "Castro", "Diaz", "Eriksen", "Ferreira",
    "Gomez", "Horvat", "Ibrahim", "Jovanovic", "Kaur", "Lopez", "Moreau", "Nguyen", "Ortiz",
    "Park", "Reyes", "Schmidt", "Torres", "Varga", "Wong", "Yamada", "Adeyemi", "Brennan",
    "Coleman", "Das", "Evans", "Fontaine", "Grant", "Hughes", "Iqbal", "Jaramillo", "Keller",
    "Lindqvist", "Murphy", "Nolan", "Osei", "Pereira", "Ramos", "Sato", "Thompson", "Ulrich",
    "Vance", "Walsh", "Young", "Zimmer", "Alvarez", "Bose", "Carter", "Dalton", "Ek", "Flores",
    "Greene", "Herrera", "Ikeda", "Joshi", "Kariuki", "Lam", "Mensah", "Nilsen", "O'Brien",
    "Pham", "Quintero", "Rahman", "Sandoval", "Tran", "Uchenna", "Vasquez", "Watanabe",
    "Yadav", "Zhou", "Andersen", "Banerjee", "Cruz", "Demir", "Esposito", "Fraser", "Gupta",
    "Hoang", "Jung", "Khan", "Lehmann", "Mwangi", "Núñez", "Ogunleye", "Popescu", "Qureshi",
    "Richter", "Sharma", "Takahashi", "Upadhyay", "Vogel", "Wagner", "Yoon", "Zapata",
    "Akhtar", "Bjorklund", "Chowdhury", "Duarte", "Eze", "Fuentes", "Gallagher", "Hashemi",
    "Iyer", "Jimenez", "Kovacs", "Lindgren", "Moretti", "Nowak", "Olsen", "Pacheco", "Rocha",
    "Sokolov", "Tiwari", "Valdez", "Yeo", "Zielinski", "Müller", "Çelik", "Lefèvre", "Peña",
    "Silva-Park",
)  # fmt: skip

#: People who introduce but are never interviewed (surnames not in `_LAST`).
_OUTSIDERS: Final[tuple[str, ...]] = (
    "Prof. Helen Marsh", "Dr. Samuel Whitfield", "Prof. Ada Lindholm", "Dana Pryor",
    "Jess Albright", "Marcus Thornbury", "Aunt Rosa Bellamy", "Prof. Kwame Redgrave",
    "Dr. Lena Oyelaran", "Tom Fairweather", "Prof. Iris Kingsley", "Sam Montague",
    "Nina Ashworth", "Dr. Paul Delacroix", "Chris Hollis", "Prof. June Penrose",
)  # fmt: skip

# Sector (a key of netinsight.industries.SECTOR_ALIASES), popularity, industry spellings as
# people type them, company-name nouns, job titles.
_SECTORS: Final[tuple[tuple[str, float, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]] = (
    ("Technology", 10, ("Tech", "Software", "IT", "Technology", "SaaS", "Cybersecurity", "AI"),
     ("Analytics", "Software", "Labs", "Systems", "Data", "Cloud", "Robotics", "Networks"),
     ("Software Engineer", "Product Manager", "Data Scientist", "UX Designer", "Engineering Manager",
      "Solutions Architect", "Senior Software Engineer")),
    ("Finance", 9, ("Banking", "Finance", "Investment banking", "Financial services", "Asset management",
                    "Private equity", "Insurance", "Fintech"),
     ("Capital", "Partners", "Bank", "Financial", "Investments", "Insurance", "Asset Management"),
     ("Analyst", "Associate", "Vice President", "Portfolio Manager", "Underwriter", "Risk Analyst")),
    ("Consulting", 7, ("Consulting", "Management consulting", "Strategy consulting", "Advisory"),
     ("Consulting", "Advisory", "Strategy Group", "Associates"),
     ("Consultant", "Senior Consultant", "Engagement Manager", "Principal", "Business Analyst")),
    ("Healthcare", 7, ("Healthcare", "Biotech", "Pharma", "Health care", "Medical devices", "Life sciences",
                       "Hospital"),
     ("Health", "Therapeutics", "Biosciences", "Medical", "Clinics", "Pharma", "Diagnostics"),
     ("Research Scientist", "Clinical Research Associate", "Physician", "Nurse Manager",
      "Regulatory Affairs Specialist", "Health Economist")),
    ("Education", 4, ("Education", "EdTech", "Higher ed", "Teaching"),
     ("Learning", "Academy", "Education", "Schools"),
     ("Curriculum Designer", "Teacher", "Program Director", "Admissions Officer")),
    ("Government", 4, ("Government", "Public sector", "Policy", "Civil service"),
     ("Public Authority", "Transit Agency", "City Council", "Policy Office"),
     ("Policy Analyst", "Program Manager", "Legislative Aide", "Economist")),
    ("Nonprofit", 4, ("Nonprofit", "Non-profit", "NGO", "Philanthropy", "Social impact"),
     ("Foundation", "Trust", "Alliance", "Fund", "Initiative"),
     ("Program Officer", "Development Director", "Grants Manager", "Community Organizer")),
    ("Media", 4, ("Media", "Journalism", "Publishing", "Entertainment", "Gaming", "Film"),
     ("Media", "Press", "Studios", "Games", "Publishing", "News"),
     ("Editor", "Producer", "Reporter", "Game Designer", "Content Strategist")),
    ("Marketing", 4, ("Marketing", "Advertising", "PR", "Communications"),
     ("Marketing", "Creative", "Communications", "Media Group", "Brands"),
     ("Brand Manager", "Account Executive", "Marketing Manager", "Copywriter", "PR Specialist")),
    ("Retail", 3, ("Retail", "E-commerce", "Consumer goods", "CPG", "Fashion"),
     ("Goods", "Outfitters", "Market", "Brands", "Apparel", "Foods"),
     ("Merchandiser", "Category Manager", "Buyer", "Store Operations Manager")),
    ("Manufacturing", 3, ("Manufacturing", "Industrial", "Automotive", "Aerospace", "Chemicals"),
     ("Industries", "Manufacturing", "Motors", "Aerospace", "Materials", "Chemicals"),
     ("Mechanical Engineer", "Process Engineer", "Operations Manager", "Quality Engineer")),
    ("Energy", 3, ("Energy", "Renewables", "Utilities", "Oil and gas", "Clean energy", "Climate"),
     ("Energy", "Power", "Solar", "Renewables", "Utilities"),
     ("Energy Analyst", "Project Engineer", "Sustainability Manager", "Grid Planner")),
    ("Real Estate", 2, ("Real estate", "Property", "Construction", "Architecture", "PropTech"),
     ("Properties", "Realty", "Builders", "Architects", "Development"),
     ("Development Associate", "Architect", "Project Manager", "Asset Manager")),
    ("Legal", 3, ("Legal", "Law", "Law firm", "Legal services"),
     ("Law Group", "Legal", "Law Partners"),
     ("Associate Attorney", "Paralegal", "Partner", "Legal Counsel")),
    ("Transportation", 2, ("Transportation", "Logistics", "Supply chain", "Shipping", "Aviation"),
     ("Logistics", "Freight", "Airlines", "Transit", "Shipping"),
     ("Logistics Analyst", "Supply Chain Manager", "Operations Analyst", "Fleet Manager")),
    ("Hospitality", 2, ("Hospitality", "Hotels", "Travel", "Restaurants", "Tourism"),
     ("Hotels", "Hospitality", "Travel", "Restaurant Group", "Resorts"),
     ("Revenue Manager", "Hotel Manager", "Event Planner", "Guest Experience Lead")),
    ("Telecommunications", 1.5, ("Telecom", "Telecommunications", "Wireless"),
     ("Telecom", "Wireless", "Communications", "Mobile"),
     ("Network Engineer", "RF Engineer", "Product Marketing Manager")),
    ("Agriculture", 1, ("Agriculture", "AgTech", "Farming", "Food production"),
     ("Farms", "Agri", "Harvest", "Growers", "Seeds"),
     ("Agronomist", "Food Scientist", "Supply Planner")),
    ("Arts", 1.5, ("Arts", "Design", "Museum", "Culture", "Creative"),
     ("Gallery", "Design Studio", "Museum", "Arts Center"),
     ("Curator", "Designer", "Art Director", "Education Coordinator")),
    ("Sports", 1, ("Sports", "Athletics", "Fitness"),
     ("Athletics", "Sports", "Fitness", "Sporting Club"),
     ("Sports Analyst", "Marketing Coordinator", "Performance Coach")),
    ("Research", 3, ("Research", "Academia", "Think tank", "R&D"),
     ("Institute", "Research", "Labs", "Research Center"),
     ("Research Fellow", "Postdoc", "Lab Manager", "Research Associate")),
    ("Defense", 1, ("Defense", "Defence", "National security", "Military"),
     ("Defense Systems", "Dynamics", "Security", "Technologies"),
     ("Systems Engineer", "Intelligence Analyst", "Program Manager")),
)  # fmt: skip

_PREFIX_A: Final[tuple[str, ...]] = (
    "North", "Blue", "Iron", "Silver", "Red", "Oak", "Bright", "Clear", "Stone", "Green",
    "High", "Cedar", "Maple", "Summit", "River", "Golden", "Swift", "Crystal", "Eagle", "Harbor",
    "Pine", "Copper", "Lake", "Sun", "Star", "West", "East", "Frost", "Granite", "Willow",
)  # fmt: skip
_PREFIX_B: Final[tuple[str, ...]] = (
    "wind", "fin", "wood", "lake", "stone", "field", "bridge", "path", "gate", "crest",
    "point", "brook", "view", "ridge", "haven", "line", "works", "spring", "peak", "shore",
)  # fmt: skip
_PARTNERS: Final[tuple[str, ...]] = (
    "Hart", "Vale", "Marlow", "Pell", "Quill", "Rowe", "Sterling", "Finch", "Ashby", "Crane",
    "Dorsey", "Ellery", "Fairbanks", "Gale", "Holt", "Ives", "Kemp", "Lowe", "Mercer", "Nash",
    "Pryce", "Thorne", "Wilde", "York",
)  # fmt: skip
_LEGAL_SUFFIXES: Final[tuple[str, ...]] = ("", " Inc.", " LLC", " Corp.", " Ltd")
_LEGAL_P: Final[tuple[float, ...]] = (0.55, 0.17, 0.12, 0.1, 0.06)
_COMPANIES_PER_SECTOR: Final = 26
_NOT_FOR_PROFIT: Final[frozenset[str]] = frozenset({"Education", "Government", "Nonprofit", "Research", "Arts"})
#: Companies whose names hold a comma (they appear in LinkedIn exports only).
_COMMA_COMPANIES: Final[tuple[str, ...]] = (
    "Smith, Jones & Co",
    "Fox, Lee & Partners",
    "Baker, Tilly & Moss LLP",
)
_COMMA_TITLES: Final[tuple[str, ...]] = (
    "Director, Strategy and Operations", "VP, Marketing & Communications", "Head of People, EMEA",
    "Manager, Data Engineering",
)  # fmt: skip

_PROGRAMS: Final[tuple[str, ...]] = (
    "Economics", "Computer Science", "Biology", "History", "Engineering", "Psychology",
)  # fmt: skip
_PROGRAM_P: Final[tuple[float, ...]] = (0.22, 0.22, 0.15, 0.12, 0.17, 0.12)
_PROGRAM_FOCUS: Final[dict[str, dict[str, float]]] = {
    "Economics": {"Finance": 40, "Consulting": 25, "Government": 8, "Research": 4, "Technology": 6},
    "Computer Science": {"Technology": 50, "Finance": 8, "Media": 5, "Consulting": 5},
    "Biology": {"Healthcare": 45, "Research": 20, "Agriculture": 5, "Education": 5},
    "History": {"Education": 14, "Government": 14, "Nonprofit": 14, "Media": 10, "Legal": 10, "Arts": 8},
    "Engineering": {"Manufacturing": 22, "Energy": 16, "Technology": 16, "Transportation": 10, "Defense": 6},
    "Psychology": {"Healthcare": 16, "Education": 10, "Marketing": 10, "Nonprofit": 10, "Research": 8},
}
_CLASS_YEARS: Final[tuple[int, ...]] = (2026, 2027, 2028, 2029)
_CLASS_YEAR_P: Final[tuple[float, ...]] = (0.32, 0.3, 0.25, 0.13)

_SOURCES: Final[tuple[str, ...]] = (
    "Alumni database", "LinkedIn", "Career fair", "Cold email", "Friend or family", "Introduction",
)  # fmt: skip
_CHANNELS: Final[tuple[tuple[str, ...], ...]] = (
    ("In person", "Coffee", "in-person", "Lunch", "F2F"),
    ("Video", "Zoom", "Video call", "Teams", "Google Meet"),
    ("Phone", "Call", "Phone call", "phone"),
)
_OUTCOME_LABELS: Final[tuple[str, ...]] = ("Job lead", "Referral", "Mentorship", "Offer")
_NOTES: Final[tuple[str, ...]] = (
    "Suggested rotational programs", "Great advice on networking, follow up in spring",
    "Hiring next quarter, send resume", "Talked about day-to-day work", "Offered to review my resume",
    "Team is growing, apply early", "Recommended two industry newsletters",
    "Said to mention our chat when applying", "Wants to see a writing sample",
    "Culture sounds collaborative", "Long hours, but great mentorship", "Suggested learning SQL",
    "Internship deadlines are in February", "Recommended talking to the analytics team",
    "Very candid about pay and promotion", "Will forward my profile to HR",
    "Advised getting a certification first", "Mostly remote team",
    "Career switcher too, very encouraging", "Grad school is not required",
    "Emphasised case interview practice", "Follow up after the product launch",
    "Busy season until April, reach out after", "Shared a list of people to contact",
    "Interested in my thesis topic", "Suggested volunteering to build experience",
    "Small team, lots of ownership", "Recommended the alumni mentoring program",
)  # fmt: skip
_MONTHS: Final[tuple[str, ...]] = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

#: Canonical column -> the header a person might type (all listed in schema.COLUMN_ALIASES).
_MESSY_HEADERS: Final[dict[str, str]] = {
    "owner": "Student ID",
    "date": "Date of interview",
    "contact": "Name",
    "contact_id": "Email",
    "company": "Employer",
    "role": "Job title",
    "industry": "Field",
    "introduced_by": "Introduced By",
    "source": "How found",
    "channel": "Format",
    "outreach_date": "Date contacted",
    "response_date": "Replied on",
    "thank_you_date": "Thank-you sent",
    "follow_up_date": "Follow-ups",
    "outcome": "Result",
    "questions_prepared": "Questions prepared?",
    "duration_min": "Length (min)",
    "notes": "Takeaways",
    "program": "Major",
    "class_year": "Grad year",
    "term": "Semester",
}
