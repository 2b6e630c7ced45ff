"""English news vocabulary: what kind of thing a head noun names (a person, an office, a
group, a document), shared by the resolver (who is speaking) and the facts stage (what a
figure counts). Kept apart from the logic so it can be extended without reading the code.
Every list holds lower-cased singular forms; ``singular()`` maps the plural a text uses
back to them (the pipeline runs without a lemmatizer). The vocabulary is general news
English, not fitted to any article.
"""

from __future__ import annotations

# --- people --------------------------------------------------------------------------------

# Offices and ranks: a word from here makes a phrase a title ("Foreign Minister", "the
# attorney general", "Senate Majority Leader"). They outrank plain roles when an article
# gives a person several descriptions.
OFFICE_WORDS = frozenset(
    """
    president premier minister secretary general chancellor governor senator representative
    congressman congresswoman mayor councillor councilman councilwoman councilor ambassador
    envoy commissioner chairman chairwoman chair chairperson ceo cfo coo cto director chief
    executive head leader spokesman spokeswoman spokesperson attorney judge justice
    prosecutor sheriff commander colonel lieutenant captain admiral sergeant marshal king
    queen prince princess emperor empress monarch pope cardinal bishop archbishop rabbi imam
    cleric speaker whip mp mep lawmaker legislator deputy founder co-founder cofounder
    president-elect provost dean professor coach manager editor publisher treasurer auditor
    inspector superintendent administrator negotiator mediator boss principal registrar
    coroner magistrate undersecretary under-secretary secretary-general commissioner
    ombudsman governor-general assemblyman assemblywoman assemblymember
    """.split()
)

# Office words that before a lone surname are far more often a first name: "Dean Baker" is
# an economist, not a dean (counted on PolNeAR train: every "Dean" + surname was a name).
FIRST_NAME_OFFICES = frozenset({"dean"})

# Abbreviated titles ("Sen.", "Gen") and what they stand for. Without a full stop they are
# also first names ("Gen Nakatani"), so the name stripper takes them for titles only when
# written with one or followed by a full name; as words of a title they count like the full
# forms, so "the senator" finds "Sen. Jane Roe". A plural ("Sens. Jane Roe and Ed Poe")
# stands for what each of the people named is.
TITLE_ABBREVIATIONS = {
    "adm": "admiral",
    "amb": "ambassador",
    "atty": "attorney",
    "capt": "captain",
    "cmdr": "commander",
    "col": "colonel",
    "gen": "general",
    "gov": "governor",
    "govs": "governor",
    "insp": "inspector",
    "lt": "lieutenant",
    "maj": "major",
    "pres": "president",
    "prof": "professor",
    "rep": "representative",
    "reps": "representative",
    "sec": "secretary",
    "sen": "senator",
    "sens": "senator",
    "sgt": "sergeant",
    "supt": "superintendent",
    "treas": "treasurer",
}
ABBREVIATED_TITLES = frozenset(TITLE_ABBREVIATIONS)
PLURAL_TITLE_ABBREVIATIONS = frozenset({"sens", "reps", "govs"})
OFFICES = OFFICE_WORDS | ABBREVIATED_TITLES

# People described by what they are or do, without an office ("a nurse", "the lawyer",
# "residents", "critics"). Singular: one unnamed person; plural: a group.
PERSON_NOUNS = frozenset(
    """
    adviser advisor aide analyst expert economist lawyer doctor physician nurse scientist
    researcher teacher student author writer reporter journalist correspondent activist
    critic member resident witness source worker employee staffer insider observer
    politician candidate voter supporter opponent protester protestor demonstrator victim
    survivor relative neighbour neighbor friend father mother son daughter husband wife
    brother sister parent child farmer owner customer investor trader banker signatory
    veteran soldier officer citizen colleague partner historian strategist consultant
    pollster campaigner delegate man woman person individual participant organiser
    organizer volunteer specialist academic commentator insider fan player athlete
    lobbyist donor backer ally rival contender nominee appointee official diplomat boy girl
    billionaire entrepreneur businessman businesswoman celebrity actor actress singer
    comedian host anchor pundit blogger columnist commentator tycoon mogul producer
    respondent interviewer speechwriter commenter reader user winner front-runner
    frontrunner eyewitness confidant incumbent driver pastor preacher priest predecessor
    successor
    """.split()
)

# What news writing calls a prominent person instead of repeating the name ("the retired
# neurosurgeon", "the billionaire businessman", "the Democratic front-runner"): with an
# office, a "the" + one of these may describe the person just written about.
EPITHET_NOUNS = frozenset(
    """
    candidate nominee front-runner frontrunner incumbent challenger contender hopeful
    businessman businesswoman billionaire millionaire mogul tycoon magnate developer
    entrepreneur investor actor actress star celebrity host anchor author neurosurgeon
    surgeon socialist populist journalist columnist commentator pundit politician radioman
    filmmaker novelist playwright moderator pastor
    """.split()
)

# A member of a party, as news writing calls a politician it has just named ("the Wisconsin
# Republican").
PARTY_MEMBERS = frozenset({"republican", "democrat"})

# Endings that mark a noun for a person nearly always ("socialist", "neurosurgeon",
# "historian", "impostor", "radioman"): a speaking noun with one is a person even when not
# listed above. "-er", "-ant" and "-ent" are left out: "the paper", "the agent", "the event".
PERSON_SUFFIXES = ("ist", "eon", "ian", "or", "man")

# Endings of nouns for people by what they do ("novelist", "neurosurgeon", "moderator"):
# a common noun written before a name is taken as a title only with one of these, or when
# listed above.
AGENT_SUFFIXES = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "eon",
    "ee",
    "ess",
    "man",
    "woman",
    "smith",
    "wright",
    "crat",
    "arch",
    "ive",
    "ary",
)

# Words that make one unnamed person plural in meaning on their own ("the public said").
COLLECTIVE_NOUNS = frozenset(
    """
    people public crowd family majority minority community electorate audience staff
    population folk faction
    """.split()
)

# Head nouns of organisations ("the campaign", "the foreign ministry", "a rights group").
ORGANIZATION_NOUNS = frozenset(
    """
    campaign committee agency ministry department government administration office council
    commission company firm corporation business bank court party police army military navy
    union association federation organisation organization group institute university
    college school hospital board authority regulator parliament congress senate cabinet
    embassy consulate legislature alliance coalition network newspaper broadcaster
    channel team club league foundation charity centre center bureau service watchdog
    regime state country nation city municipality county secretariat tribunal
    prosecution opposition movement outlet publication magazine
    station studio manufacturer maker supplier retailer operator airline camp pac superpac
    """.split()
)

# Social platforms, which NER often takes for people ("Trump said on Twitter"): names of
# organisations, never of a person.
PLATFORM_NAMES = frozenset(
    """
    twitter facebook instagram youtube snapchat reddit tumblr linkedin periscope whatsapp
    tiktok
    """.split()
)

# Head nouns of texts that "say" things ("the report", "a poll", "article 5 of the treaty",
# "his remarks", "the ad", "an editorial").
DOCUMENT_NOUNS = frozenset(
    """
    report study poll polling survey letter statement article story charter document memo
    memorandum
    filing lawsuit complaint indictment ruling judgment judgement verdict law bill act
    resolution constitution treaty agreement data figure statistic analysis paper book
    guideline guidance rule regulation decree text transcript email e-mail message post
    tweet note release announcement record minute estimate forecast projection audit review
    assessment research census index notice advisory bulletin communique communiqué
    proposal draft manifesto budget website blog video footage clause section paragraph
    provision amendment chapter affidavit testimony brief motion petition warrant order
    summary finding result page comment remark speech form ad advertisement commercial
    editorial column op-ed
    """.split()
)

# Words that quantify a group the speakers are part of: "some of the aides", "one of them".
QUANTIFIERS = frozenset(
    """
    some many most several few all none both each any majority number dozens hundreds
    thousands half handful group team panel one two three four five six seven eight nine
    ten couple
    """.split()
)

# Shares of a population that speak for it ("24 percent said").
SHARE_NOUNS = frozenset({"percent", "%", "proportion", "share", "third", "quarter", "fraction"})

# Quantifiers that pick out a single person ("one of the signatories").
SINGULAR_QUANTIFIERS = frozenset({"one", "a", "an"})

# Modifiers that make a different office of the same title ("deputy minister" is not "the
# minister"): a nominal lacking one of these never matches a title that has it.
RANK_MODIFIERS = frozenset(
    """
    deputy assistant vice acting former ex interim associate under junior co shadow
    """.split()
)

# Courtesy titles: not a role worth reporting as a title, but they tell gender.
HONORIFICS = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mx": None,
    "dr": None,
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "rev": None,
    "fr": "m",
}

# The courtesy titles written as abbreviations ("Mr.", "Dr."): like the abbreviated
# titles, they never end a sentence when a name follows.
ABBREVIATED_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "dr", "rev", "fr"})

# Name endings that are not surnames ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Lower-case words inside a surname ("Pierre de Vos", "Ursula von der Leyen").
SURNAME_PARTICLES = frozenset(
    "al bin da das de del della den der des di dos du el ibn la le ten ter van von".split()
)

# --- gender and number -----------------------------------------------------------------------

GENDERED_NOUNS = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairwoman": "f",
    "congressman": "m",
    "congresswoman": "f",
    "councilman": "m",
    "councilwoman": "f",
    "businessman": "m",
    "businesswoman": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "emperor": "m",
    "empress": "f",
    "father": "m",
    "mother": "f",
    "son": "m",
    "daughter": "f",
    "husband": "m",
    "wife": "f",
    "brother": "m",
    "sister": "f",
    "man": "m",
    "woman": "f",
    "actor": "m",
    "actress": "f",
    "widow": "f",
    "widower": "m",
    "grandmother": "f",
    "grandfather": "m",
}

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ourselves"})

# Determiners that point back to something already introduced ("the report").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# Leading words dropped from a nominal's name ("the report" -> "report").
ARTICLES = frozenset({"the", "a", "an"})

# --- morphology ------------------------------------------------------------------------------

_IRREGULAR_PLURALS = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "data": "data",
    "media": "media",
    "police": "police",
    "staff": "staff",
    "criteria": "criterion",
    "analyses": "analysis",
    "memoranda": "memorandum",
    "attorneys": "attorney",
}


def singular(word: str) -> str:
    """The singular of a regular English plural, enough to look plural nouns up in the lists
    above ("advisers", "agencies", "spokesmen", "businesses")."""
    word = word.lower()
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def clean_word(text: str) -> str:
    """A token's text as the lists spell it: lower case, no trailing full stop ("Mr.")."""
    return text.lower().rstrip(".")
