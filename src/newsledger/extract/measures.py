"""The lexicons claims are read with: currencies, units, qualifiers, change words, measures.

Kept apart from the logic (as trafilatura keeps its XPaths) so that docs/claims.md can list them and a
reader can extend them without touching the extractor. Every table maps a written form to what it means.
"""
from __future__ import annotations

import re

# --- currencies -------------------------------------------------------------------------------
# A sign or code written before the number. "PS" and "Y=" are how £ and ¥ come out of feeds that
# were squeezed into ASCII; they count only before a figure that cannot be a model name (claims/reading.py).
CURRENCY_PREFIX = {
    "US$": "USD", "US $": "USD", "U.S.$": "USD", "$US": "USD", "USD": "USD", "$": "USD",
    "A$": "AUD", "AU$": "AUD", "$A": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HK $": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "PS": "GBP", "¥": "JPY", "Y=": "JPY", "JPY": "JPY",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "RM": "MYR", "CHF": "CHF", "CNY": "CNY",
    "₩": "KRW", "₽": "RUB", "₪": "ILS",
}
CURRENCY_PREFIX_RE = re.compile(
    r"(?:" + "|".join(re.escape(k) for k in sorted(CURRENCY_PREFIX, key=len, reverse=True)) + r")\s?$")

# Currency words written after the number ("5 million euros"); a nationality before "dollars" picks it.
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "shekels": "ILS", "shekel": "ILS",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "francs": "CHF",
    "pounds sterling": "GBP", "sterling": "GBP", "ringgit": "MYR", "naira": "NGN", "rand": "ZAR",
    "won": "KRW", "lira": "TRY", "liras": "TRY", "hryvnias": "UAH", "hryvnia": "UAH",
    "crowns": "crowns", "kronor": "SEK", "kroner": "DKK", "pesos": "pesos", "reais": "BRL",
    "cents": "cents", "cent": "cents", "pence": "pence", "sen": "sen", "€": "EUR",
}
DOLLAR_NATIONS = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                  "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD", "taiwan": "TWD",
                  "danish": "DKK", "swedish": "SEK", "norwegian": "NOK", "czech": "CZK", "swiss": "CHF",
                  "egyptian": "EGP", "lebanese": "LBP", "syrian": "SYP", "sudanese": "SDG"}

# --- units ------------------------------------------------------------------------------------
# Written form -> the unit as reported. Matched case-sensitively for symbols, so "mA" is not "MA".
UNIT_SYMBOLS = {
    "%": "percent", "km": "km", "kms": "km", "cm": "cm", "mm": "mm", "μm": "μm", "µm": "μm", "nm": "nm",
    "mi": "miles", "ft": "ft", "sq m": "m2", "sq ft": "sq ft", "sq km": "km2", "m2": "m2", "km2": "km2",
    "kg": "kg", "mg": "mg", "g": "g", "lb": "lb", "lbs": "lb", "oz": "oz", "t": "tonnes",
    "ml": "ml", "mL": "ml", "L": "litres", "l": "litres",
    "mph": "mph", "km/h": "km/h", "kmh": "km/h", "km/hr": "km/h", "kph": "km/h",
    "W": "W", "kW": "kW", "MW": "MW", "GW": "GW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh",
    "hp": "hp", "bhp": "hp", "Nm": "Nm", "lb-ft": "lb-ft", "V": "V", "kV": "kV", "mAh": "mAh",
    "Hz": "Hz", "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "GB": "GB", "MB": "MB", "TB": "TB", "KB": "KB",
    "Gbps": "Gbps", "Mbps": "Mbps", "°C": "°C", "°F": "°F", "°": "degrees", "ppm": "ppm", "ppb": "ppb",
    "dB": "dB", "GPa": "GPa", "kcal": "kcal", "mpg": "mpg", "min": "minutes", "mins": "minutes",
    "hrs": "hours", "hr": "hours", "sec": "seconds", "secs": "seconds", "bps": "basis points",
    "pc": "percent", "pct": "percent", "p": "pence", "c": "cents", "m": "m", "x": "times",
}
UNIT_WORDS = {
    "per cent": "percent", "percent": "percent", "percentage points": "percentage points",
    "percentage point": "percentage points", "basis points": "basis points", "basis point": "basis points",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "metres": "m",
    "meters": "m", "metre": "m", "meter": "m", "centimetres": "cm", "centimeters": "cm",
    "millimetres": "mm", "millimeters": "mm", "millimeter": "mm", "millimetre": "mm",
    "nanometres": "nm", "nanometers": "nm", "nanometer": "nm", "miles": "miles", "mile": "miles",
    "feet": "ft", "foot": "ft", "inches": "inches", "inch": "inches", "yards": "yards", "yard": "yards",
    "square metres": "m2", "square meters": "m2", "square feet": "sq ft", "square foot": "sq ft",
    "square miles": "sq miles", "square mile": "sq miles", "square kilometres": "km2",
    "square kilometers": "km2", "acres": "acres", "acre": "acres", "hectares": "hectares",
    "hectare": "hectares", "cubic feet": "cu ft", "cubic metres": "m3", "cubic meters": "m3",
    "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "grams": "g", "gram": "g",
    "milligrams": "mg", "tonnes": "tonnes", "tonne": "tonnes", "tons": "tons", "ton": "tons",
    "ounces": "oz", "ounce": "oz", "litres": "litres", "liters": "litres", "litre": "litres",
    "liter": "litres", "gallons": "gallons", "gallon": "gallons", "barrels": "barrels", "barrel": "barrels",
    "miles per hour": "mph", "kilometres per hour": "km/h", "kilometers per hour": "km/h", "knots": "knots",
    "watts": "W", "watt": "W", "kilowatts": "kW", "kilowatt": "kW", "megawatts": "MW", "megawatt": "MW",
    "gigawatts": "GW", "gigawatt": "GW", "horsepower": "hp", "volts": "V", "volt": "V",
    "gigabytes": "GB", "terabytes": "TB", "megabytes": "MB", "decibels": "dB", "gigapascals": "GPa",
    "degrees celsius": "°C", "degrees fahrenheit": "°F", "degrees centigrade": "°C", "degrees c": "°C",
    "degrees f": "°F", "celsius": "°C", "fahrenheit": "°F", "degrees": "degrees", "degree": "degrees",
    "calories": "kcal", "points": "points", "point": "points",
    "seconds": "seconds", "second": "seconds", "minutes": "minutes", "minute": "minutes",
    "hours": "hours", "hour": "hours", "days": "days", "day": "days", "weeks": "weeks", "week": "weeks",
    "months": "months", "month": "months", "years": "years", "year": "years", "decades": "decades",
    "decade": "decades", "centuries": "centuries", "century": "centuries",
    "year-old": "years old", "years-old": "years old", "years old": "years old", "year old": "years old",
    "times": "times", "pounds": "lb", "pound": "lb", "month-old": "months old", "months old": "months old",
}
# Units that count a number as a duration; a claim of one of these is kept (a duration is a figure),
# but never taken for a year.
DURATIONS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"}

# --- qualifiers -------------------------------------------------------------------------------
# Written just before the number. Order matters only for readability; the regex takes the longest.
QUALIFIERS_BEFORE = {
    "approx": ["about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
               "circa", "approx.", "approx", "~", "≈", "nearly", "almost", "close to", "around about",
               "in the region of", "upward of"],
    "more_than": ["more than", "over", "just over", "well over", "above", "just above", "in excess of",
                  "upwards of", "exceeding", "over than", "greater than", "higher than", ">", "north of"],
    "at_least": ["at least", "no fewer than", "no less than", "a minimum of", "not less than", "≥", ">="],
    "less_than": ["less than", "fewer than", "under", "just under", "below", "just below", "<", "sub-",
                  "lower than", "shy of", "just shy of"],
    "at_most": ["up to", "at most", "as many as", "as much as", "no more than", "a maximum of",
                "not more than", "≤", "<=", "a maximum"],
}
# "nearly 300" and "almost 300" allow at most 300: approx with high = the point.
NEARLY = {"nearly", "almost", "close to", "just shy of"}
QUALIFIERS_AFTER = {"at_least": ["or more", "or higher", "or above", "plus", "+"],
                    "at_most": ["or fewer", "or less", "or lower", "or under"],
                    "approx": ["or so", "odd"]}

# --- change -----------------------------------------------------------------------------------
CHANGE_UP = ("rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases",
             "increasing", "grew", "grow", "grows", "growing", "grown", "gained", "gain", "gains",
             "gaining", "climbed", "climb", "climbs", "climbing", "jumped", "jump", "jumps", "jumping",
             "surged", "surge", "surges", "surging", "soared", "soar", "soars", "soaring", "advanced",
             "advance", "advances", "added", "adds", "boosted", "rallied", "rally", "spiked", "up",
             "expanded", "widened", "accelerated", "leapt", "leaped", "leap", "rebounded",
             "firmed", "strengthened", "swelled", "doubled", "hiked", "soaring", "jumping", "surging", "climbing", "advancing", "adding",
             "upward", "upwards", "revised up", "edged up", "ticked up", "inched up", "went up", "goes up", "go up", "shot up", "moved up")
CHANGE_DOWN = ("fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "dropping",
               "declined", "decline", "declines", "declining", "decreased", "decrease", "decreases",
               "decreasing", "slid", "slide", "slides", "sliding", "slipped", "slip", "slips", "plunged",
               "plunge", "plunges", "plummeted", "plummet", "tumbled", "tumble", "sank", "sink", "sinks",
               "lost", "lose", "loses", "losing", "shed", "sheds", "shedding", "cut", "cuts", "cutting",
               "reduced", "reduce", "reduces", "down", "dipped", "dip", "dips", "shrank",
               "shrink", "shrinks", "shrunk", "plummeting", "plunging", "tumbling", "sinking", "slumping",
               "slipping", "sliding", "dipping", "shrinking", "easing", "cutting", "reducing", "slumped", "slump", "eased", "eases", "retreated",
               "contracted", "narrowed", "weakened", "crashed", "tanked", "sagged", "slowed",
               "downward", "downwards", "revised down", "edged down", "ticked down", "inched down", "went down", "goes down", "go down",
               "edged lower", "moved down")
# Nouns of change: "a drop of 3,000" before, "a 3% drop" after.
CHANGE_NOUNS_UP = ("rise", "increase", "gain", "jump", "surge", "growth", "hike", "boost", "rebound",
                   "climb", "uptick", "spike")
CHANGE_NOUNS_DOWN = ("drop", "fall", "decline", "decrease", "cut", "reduction", "plunge", "slump",
                     "dip", "downturn", "contraction", "slide")

# --- measures ---------------------------------------------------------------------------------
# Lemma (of a verb, adjective or noun next to the figure) -> measure. "casualties" (killed and
# wounded together) is kept apart from "killed".
MEASURE_LEMMAS = {
    "killed": ["kill", "killed", "die", "died", "dead", "lives", "life", "death", "deaths", "fatality", "fatalities", "murder",
               "slay", "slain", "execute", "massacre", "perish", "behead", "toll", "body", "bodies",
               "corpse", "fatal", "lose life"],
    "injured": ["injure", "injured", "wound", "wounded", "hurt", "injury", "injuries", "maim",
                "hospitalize", "hospitalise", "hospitalized", "hospitalised"],
    "casualties": ["casualty", "casualties"],
    "missing": ["missing", "unaccounted", "disappear", "disappeared"],
    "captured": ["capture", "captured", "abduct", "abducted", "kidnap", "kidnapped", "hostage",
                 "hostages", "prisoner", "prisoners", "captive", "captives", "pow", "pows"],
    "arrested": ["arrest", "arrested", "arrests", "apprehend", "apprehended", "apprehension", "apprehensions", "detain", "detained", "detention", "detainee",
                 "detainees", "jail", "jailed", "imprison", "imprisoned", "round up"],
    "displaced": ["displace", "displaced", "flee", "fled", "refugee", "refugees", "homeless", "uproot",
                  "uprooted", "displacement", "asylum"],
    "evacuated": ["evacuate", "evacuated", "evacuation", "evacuee", "evacuees"],
    "deployed": ["deploy", "deployed", "deployment", "dispatch", "dispatched", "station", "stationed",
                 "mobilize", "mobilise", "mobilized", "mobilised", "reinforcement", "reinforcements"],
    "affected": ["affect", "affected"],
}
MEASURE_OF = {w: m for m, ws in MEASURE_LEMMAS.items() for w in ws}
# "sent 2,000 troops": sending deploys only when what is sent is a force.
SEND_LEMMAS = {"send", "supply", "commit", "move", "transfer", "provide", "contribute", "pledge", "order"}
FORCES = {"troop", "troops", "soldier", "soldiers", "personnel", "force", "forces", "marine", "marines",
          "peacekeeper", "peacekeepers", "fighter", "fighters", "officer", "officers", "police",
          "sailor", "sailors", "paratrooper", "paratroopers", "reservist", "reservists", "guardsmen"}
# Counted heads that are people: a count of people with no measure word gets measure "other",
# so that a reader can keep the people-counts apart from other figures.
PEOPLE = FORCES | {
    "people", "person", "persons", "civilian", "civilians", "child", "children", "woman", "women", "man",
    "men", "resident", "residents", "protester", "protesters", "demonstrator", "demonstrators", "migrant",
    "migrants", "worker", "workers", "employee", "employees", "student", "students", "militant",
    "militants", "victim", "victims", "patient", "patients", "passenger", "passengers", "voter", "voters",
    "member", "members", "citizen", "citizens", "inhabitant", "inhabitants", "rebel", "rebels",
    "insurgent", "insurgents", "journalist", "journalists", "staff", "individual", "individuals",
    "family", "families", "household", "households", "adult", "adults", "teenager", "teenagers",
    "pupil", "pupils", "nurse", "nurses", "doctor", "doctors", "miner", "miners", "fisherman",
    "fishermen", "pilgrim", "pilgrims", "worshipper", "worshippers", "villager", "villagers",
    "immigrant", "immigrants", "survivor", "survivors", "crew", "crewmen", "guard", "guards",
    "others", "pilot", "pilots", "official", "officials", "tourist", "tourists", "visitor", "visitors",
    "spectator", "spectators", "fan", "fans", "guest", "guests", "kid", "kids", "girl", "girls", "boy",
    "boys", "schoolgirl", "schoolgirls", "schoolchildren", "baby", "babies", "infant", "infants", "national",
    "nationals", "foreigner", "foreigners", "hostage", "hostages", "prisoner", "prisoners", "inmate",
    "inmates", "detainee", "detainees", "suspect", "suspects", "gunman", "gunmen", "attacker", "attackers",
    "assailant", "assailants", "terrorist", "terrorists", "jihadist", "jihadists", "policeman", "policemen",
    "firefighter", "firefighters", "paramedic", "paramedics", "medic", "medics", "rescuer", "rescuers",
    "volunteer", "volunteers", "relative", "relatives", "friend", "friends", "couple", "couples", "parent",
    "parents", "mother", "mothers", "father", "fathers", "son", "sons", "daughter", "daughters", "brother",
    "brothers", "sister", "sisters", "wife", "wives", "husband", "husbands", "elderly", "pedestrian",
    "pedestrians", "driver", "drivers", "shopper", "shoppers", "worshiper", "worshipers", "mourner",
    "mourners", "concertgoer", "concertgoers", "revellers", "revelers", "reveller", "student",
    "teacher", "teachers", "player", "players", "athlete", "athletes", "lawmaker", "lawmakers",
    "deputy", "deputies", "agent", "agents", "contractor", "contractors", "diplomat", "diplomats",
    "asylum-seekers", "seekers", "dead", "wounded", "injured", "missing", "casualty", "casualties",
}
# Measures a verb gives to a count of things too ("deployed 34 anti-missile batteries", "200,000 homes
# were affected"); the others need people.
THING_MEASURES = {"deployed", "affected", "evacuated", "captured", "missing"}
# A count of these with no other measure word is the size of a deployed force ("3,000 U.S. troops in Iraq").
DEPLOYABLE = {"troop", "troops", "soldier", "soldiers", "personnel", "marine", "marines", "peacekeeper",
              "peacekeepers", "paratrooper", "paratroopers", "sailor", "sailors", "reservist", "reservists",
              "guardsmen", "servicemembers", "servicemen", "commandos", "special forces"}
# Verbs that report or update a figure rather than say what happened to it: a bare figure under one
# of them keeps the measure of the figure before it ("acknowledged 40 casualties ... claimed 300").
REPORTING = {"say", "claim", "acknowledge", "report", "put", "estimate", "give", "cite", "confirm", "count",
             "tally", "record", "reach", "rise", "climb", "increase", "grow", "jump", "stand", "total", "top",
             "pass", "exceed", "be", "remain", "number", "include", "announce", "state", "tell", "suggest",
             "show", "list", "register", "revise", "update", "put", "place", "surpass", "hit", "near"}
# Verbs whose subject is what a figure after them counts: "confirmed cases neared 1 million".
PREDICATE = {"be", "reach", "rise", "climb", "increase", "grow", "jump", "stand", "total", "top", "pass",
             "exceed", "remain", "number", "surpass", "hit", "near", "fall", "drop", "decline", "double"}
# Nouns that name the figure rather than what is counted: "a figure close to 300" counts what the
# figure before it counted.
GENERIC_COUNTED = {"figure", "number", "total", "toll", "tally", "count", "estimate", "sum", "amount"}
