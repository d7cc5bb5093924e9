"""Shared vocabulary for reading names: regex pieces and the closed word lists.

The lists are small and closed on purpose (function words, titles, speech
verbs, words that make a capitalised phrase an organisation or a place);
country names, demonyms and capitals come from the country data instead.
"""

import re

from .text import LOWER, UPPER, trie_pattern


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: keeps the long lists below readable."""
    return frozenset(text.split())


# One capitalised word of a person's name: Putin, Zelenskiy, O’Brien, McDonald,
# Graham-Harrison, Łukasz, Ågård. At least two letters, so "A" and "I" are not names,
# and not all capitals, so "FC" and "ISW" are not either.
NAME_WORD = (
    rf"[{UPPER}](?:[{LOWER}]+(?:[{UPPER}][{LOWER}]+)?|[’'][{UPPER}][{LOWER}]+)(?:[’'\-][{UPPER}][{LOWER}]+)*"
)
# Lower-case particles inside names: Ursula von der Leyen, Ilha da Pintada.
PARTICLES = words("al bin da das de del della den der di do dos du el ibn la le ten ter van von y zu")
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"
# Two to four name words, optionally joined by particles.
# No look-behind: it would stop re from skipping to capital letters. Callers check ``starts_word``.
PERSON_NAME_RE = re.compile(
    rf"{NAME_WORD}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+){{0,2}}{NAME_WORD}){{1,4}}(?![\w\-])"
)
# Any capitalised word, including abbreviations and hyphenated forms ("ISW", "UK-led").
CAP_WORD = rf"[{UPPER}](?:[’'](?=[{UPPER}]))?[\w\-]*"  # also O’Neill, D'Arcy
# A proper-noun phrase: capitalised words, optionally joined by lower-case connectors,
# as in "Institute for the Study of War". Used for speakers, which may be organisations.
_CONNECTOR = "(?:" + "|".join(sorted(PARTICLES | {"of", "for", "the", "on"})) + ")"
LOOK_BEHIND = r"(?<![\w’'\-])"
# A plural possessive inside an organisation's name: "Welsh Dairy Producers' Association".
_INNER_POSSESSIVE = rf"(?:(?<=s)[’'](?=[ \u00a0]+[{UPPER}]))?"
PROPER_PHRASE = (
    rf"{LOOK_BEHIND}{CAP_WORD}{_INNER_POSSESSIVE}"
    rf"(?:[ \u00a0]+(?:{_CONNECTOR}[ \u00a0]+)*{CAP_WORD}{_INNER_POSSESSIVE})*(?![\w])"
)
ABBREVIATION_RE = re.compile(r"[A-Z][A-Z0-9&]{1,9}")  # ISW, FEO, NATO

# Capitalised function words that start sentences; never part of a name.
STOPWORDS = words(
    """
    A About Above According Across After Afterwards Against All Along Already Also Although Among An And
    Another Any Are As Asked At Back Be Because Been Before Being Below Beside Besides Between Beyond Both
    But By Can Could Despite Did Do Does During Each Earlier Either Even Ever Every Except Few For From
    Further Had Has Have He Her Here Hers Herself Him Himself His How However I If In Including Inside
    Instead Into Is It Its Itself Just Last Later Like Many May Meanwhile Might Most Much Must My Near
    Neither Never Next No Nobody None Nor Not Nothing Now Of Off On Once One Only Or Other Others Our Out
    Outside Over Per Perhaps Since Several She Should Shortly So Some Still Such Than That The Their Them
    Themselves Then There These They This Those Though Through Throughout Thus To Today Together Tomorrow
    Too Towards Under Unlike Until Up Upon Us Very Was We Were What Whatever When Where Whether Which While
    Whilst Who Whom Whose Why Will With Within Without Would Yesterday Yet You Your
    """
)
# Titles before a name: stripped from the name ("President Alexander Lukashenko").
TITLES = words(
    """
    Acting Ambassador Archbishop Attorney Bishop Captain Capt Cardinal Chancellor Chief Col Colonel
    Commander Dame Defence Defense Deputy Dr Father Finance Foreign Former Gen General Governor Health Home
    Interior Judge King Lady Lord Lt Major Mayor Minister Mr Mrs Ms Pope Premier President Prime Prince
    Princess Prof Professor Queen Rabbi Rep Representative Rev Reverend Secretary Sen Senator Sergeant Sgt
    Shadow Sheikh Sir Sister Speaker Vice Marquis Marquess Earl Duke Duchess Baron Baroness Count Countess
    Emperor Empress Councillor Cllr Alderman Detective Constable Inspector Superintendent
    """
)
# Titles that also describe: "Prime Minister Rishi Sunak" -> "prime minister".
DESCRIBING_TITLES = TITLES - {"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lady", "Lord", "Former", "Acting"}
CALENDAR = words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Christmas Easter Ramadan
    """
)
# Words that make a capitalised phrase an organisation, not a person.
ORGANISATION_WORDS = words(
    """
    Academy Administration Agency Airlines Airways Alliance Army Assembly Association Authority Bank Board
    Brigade Bureau Cabinet Capital Centre Center Chamber Church Club Coalition College Command Commission
    Committee Company Congress Consulate Corp Corporation Corps Council Court Department Embassy Endowment
    Federation Force Forces Forum Foundation Front Fund Government Group Guard Holdings Hospital Inc
    Initiative Institute Institution Instituto Kremlin Labs Laboratory League Ltd Media Ministry Mission
    Monitor Movement Museum Navy Network News Observatory Office Organisation Organization Parliament
    Partners Party Pentagon Police Press Project Radio Railways Regiment Senate Service Services Society
    Systems Team Television Times Transmission Tribunal Trust Union United University Watch
    Aerospace Airline Associates Bancorp Brewery Coaches Collective Consulting Corporation Creameries
    Crossrail Dairies Energy Engineering Farms Foods Holdings Homes Industries Insight Insurance
    Investments Logistics Motors Partnership Pharma Pharmaceuticals Research Securities Shipping
    Solutions Stores Studios Subsea Technologies Telecom Ventures Playhouse Theatre Rovers Wanderers
    """
)
# Words that make a capitalised phrase a place or a thing (the country data covers countries).
PLACE_WORDS = words(
    """
    Africa African America Americas Antarctic Arctic Asia Asian Atlantic Avenue Balkan Balkans Baltic Basin
    Bay Beach Bridge Canal Cape Caribbean Central City Coast County Delta District East Eastern Europe
    European Gulf Hall Harbour Highway Hills Island Islands Lake Latin Mediterranean Middle Mount Mountain
    Mountains Nordic North Northern Ocean Oblast Pacific Palace Park Peninsula Port Province Region
    Republic River Road Sea South Southern Square Station Street Valley West Western Close Lane Drive
    Crescent Terrace Grove Mews Storm Hurricane Typhoon Cyclone
    """
)
# Nouns that end role descriptions; a byline tail or apposition with one of these is a role.
ROLE_WORDS = words(
    """
    analyst anchor chief columnist commentator contributor correspondent critic desk director economist
    editor head host journalist presenter producer reporter staff writer agencies bureau
    """
)
# Relational nouns: "his Belarusian counterpart" describes someone only relative to another.
RELATIONAL_WORDS = words(
    """
    ally boss brother colleague counterpart daughter father friend husband mother opponent partner
    predecessor rival sister son successor wife
    """
)
# Nouns that make the head of an apposition an organisation: "a Prague investment firm".
ORGANISATION_NOUNS = words(
    """
    agency alliance association bank body broadcaster business campaign charity club coalition company
    consultancy cooperative court firm foundation fund group grouping institute institution lender
    ministry movement network newspaper observatory operator organisation organization outlet party
    regulator startup start-up thinktank tank union university watchdog website roaster brewer distiller
    retailer supermarket chain carmaker miner producer exporter supplier manufacturer maker airline carrier
    insurer developer housebuilder publisher utility grocer processor
    """
)
SPEECH_VERBS = words(
    """
    accused acknowledged added admitted announced argued asked boasted branded called claimed complained
    conceded concluded confirmed continued declared demanded denied described dubbed emphasised
    emphasized explained insisted joked labelled noted observed pledged predicted promised quipped
    recalled remarked replied reported responded said says say stated stressed suggested tells told
    tweeted urged vowed warned wrote writes adds asks urges warns claims insists argues explains notes
    indicated cautioned countered commented maintained reiterated revealed disclosed alleged testified
    pleaded posted texted shouted whispered mused agreed signalled signaled hinted predicted protested
    lamented conceded acknowledges stresses indicates tweets posts
    """
)
# Participles take the subject of the sentence's main clause: "…, saying he felt …".
SPEECH_PARTICIPLES = words(
    """
    accusing adding arguing asking calling claiming describing explaining insisting noting saying stressing
    telling urging warning writing
    """
)
PRONOUNS = frozenset({"he", "she", "He", "She"})
MALE, FEMALE = "m", "f"
PRONOUN_GENDER = {"he": MALE, "his": MALE, "him": MALE, "she": FEMALE, "her": FEMALE, "hers": FEMALE}
# Nouns that name what a person is or does, before a name ("analyst Joris de Wit", "Councillor Joan
# Tilley") or as a speaker standing for one ("the CEO said", "the foreign ministry's spokeswoman").
PERSON_ROLES = words(
    """
    activist actor actress adviser advisor aide ambassador analyst architect artist author barrister
    bishop boss boxer businessman businesswoman campaigner candidate captain ceo chair chairman
    chairperson chairwoman champion chancellor chief colleague columnist commander commentator
    commissioner constable consultant coach correspondent councillor counterpart critic cyclist
    daughter dean defender deputy designer detective diplomat director doctor driver economist editor
    engineer envoy epidemiologist executive farmer father fisherman founder co-founder goalkeeper
    governor grandfather grandmother headteacher head host husband imam inspector journalist judge
    lawyer leader manager mayor midfielder minister mother musician negotiator novelist nurse officer
    official organiser owner pastor pensioner pilot player poet postman premier president presenter
    priest principal producer professor prosecutor pundit rabbi referee reporter researcher resident
    rival scientist secretary senator sergeant singer skipper solicitor son spokesman spokesperson
    spokeswoman star striker student superintendent supporter surgeon teacher teenager trainer trustee
    veteran vicar victim volunteer widow widower wife winger witness worker writer mp mep fan neighbour
    man woman boy girl granddaughter grandson niece nephew cousin chair member grandmaster
    """
)
# Nouns of nationality that stand for a person: "the Spaniard said".
DEMONYM_NOUNS = words(
    "Spaniard Briton Dane Swede Finn Pole Scot Turk Serb Croat Frenchman Frenchwoman Dutchman Welshman "
    "Welshwoman Irishman Englishman Englishwoman Scotsman Scotswoman Norwegian Czech American Australian "
    "German Italian Russian Ukrainian Kenyan Nigerian Brazilian Argentine Canadian"
)
GENDERED_WORDS = {
    **dict.fromkeys(
        words(
            "man boy father son husband brother uncle widower grandfather businessman chairman spokesman "
            "postman fisherman king prince lord sir mr frenchman dutchman welshman irishman englishman "
            "scotsman actor"
        ),
        MALE,
    ),
    **dict.fromkeys(
        words(
            "woman girl mother daughter wife sister aunt widow grandmother businesswoman chairwoman "
            "spokeswoman queen princess lady dame mrs ms miss actress frenchwoman welshwoman englishwoman "
            "scotswoman granddaughter"
        ),
        FEMALE,
    ),
}
# Nouns for an organisation standing as a speaker: "the commission said", "the union added".
ORGANISATION_ROLES = words(
    """
    agency airline alliance association authority bank board broadcaster carrier charity club coalition
    college commission committee company council court developer embassy federation firm foundation
    fund government group insurer institute league lender maker manufacturer ministry mission network
    newspaper observatory operator organisation organization parliament partnership party processor
    regulator retailer school union university watchdog miner producer exporter supplier chain startup
    """
)
# Organisation nouns that refer back to a company named without them: "the developer said".
GENERIC_ORGANISATION_ROLES = words(
    "company firm developer group organisation organization operator maker manufacturer processor carrier "
    "airline retailer lender insurer charity club business broadcaster newspaper miner producer supplier"
)
# What a speaker's words may be called when it stands for the speaker: "“…,” the statement said".
DOCUMENT_ROLES = words("statement report letter post message note announcement filing")
# Words for a work or a product in an apposition: "The Marquis Henry Tate, a comedy about …".
WORK_NOUNS = words(
    "comedy musical play film novel book song album show series opera drama documentary product phone "
    "handset scooter car model ship vessel app game edition brand"
)
# Words for a place in an apposition: "Llanfair Waterside, a town on the Teme".
PLACE_NOUNS = words(
    "town city village hamlet suburb region province county district state island port capital "
    "municipality neighbourhood neighborhood area borough commune"
)
ORGANISATION_PRONOUNS = frozenset({"it", "It"})
# What a speaker's possessive may govern: "ISW’s report said", "the ministry’s spokesperson said".
SPOKEN_THINGS = words(
    """
    account analysis announcement assessment briefing note office post report spokesman spokesperson
    spokeswoman statement study update website
    """
)
SPEECH_VERB_RE = re.compile(r"\b(?:" + trie_pattern(SPEECH_VERBS | SPEECH_PARTICIPLES) + r")\b")


def starts_word(text: str, position: int) -> bool:
    """Whether a match at ``position`` starts a word (for patterns without a look-behind)."""
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "’'-_")
