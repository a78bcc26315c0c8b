"""Texts of the demo municipality: themes, ideas and comments in natural Dutch."""

# Everything below is fictional: "Gemeente Voorbeeld", its streets, schools and
# residents do not exist. Links point to the placeholder domain voorbeeld.nl.
#
# IDEAS[i]["popularity"] is a relative weight (0-100) for how many demo votes
# an idea gets; IDEAS[i]["explanation"] is the municipality's official answer
# and is None while the status is "submitted".

THEMES = [
    {
        "slug": "verkeer-en-parkeren",
        "name": "Verkeer en parkeren",
        "description": (
            "Hoe komt u veilig en makkelijk van A naar B? Deel uw ideeën over "
            "fietsen, lopen, openbaar vervoer, auto's en parkeren in de gemeente."
        ),
        "is_open": True,
        "moderation_mode": "post",
    },
    {
        "slug": "groen-en-natuur",
        "name": "Groen en natuur",
        "description": (
            "Parken, bomen, bermen en tuinen maken de gemeente mooier en koeler. "
            "Heeft u een idee voor meer of beter groen in uw buurt? Laat het ons weten."
        ),
        "is_open": True,
        "moderation_mode": "post",
    },
    {
        "slug": "wonen",
        "name": "Wonen",
        "description": (
            "Er zijn te weinig betaalbare woningen, vooral voor starters en ouderen. "
            "Wat kan de gemeente volgens u doen? Wij gebruiken uw ideeën voor de "
            "nieuwe woonvisie."
        ),
        "is_open": True,
        "moderation_mode": "post",
    },
    {
        "slug": "jeugd-en-onderwijs",
        "name": "Jeugd en onderwijs",
        "description": (
            "Ideeën voor kinderen en jongeren: speelplekken, plekken om af te spreken, "
            "school en hulp bij leren. Ook jongeren zelf mogen hier meedoen."
        ),
        "is_open": True,
        "moderation_mode": "post",
    },
    {
        "slug": "sport-en-cultuur",
        "name": "Sport en cultuur",
        "description": (
            "Sporten, muziek maken, naar de bibliotheek of een voorstelling: wat mist "
            "u in de gemeente? Deel uw idee en stem op de ideeën van anderen."
        ),
        "is_open": True,
        "moderation_mode": "post",
    },
    {
        "slug": "veiligheid-en-leefbaarheid",
        "name": "Veiligheid en leefbaarheid",
        "description": (
            "Een schone, hele en veilige buurt is belangrijk voor iedereen. Bij dit "
            "thema lezen wij elke bijdrage eerst, voordat die zichtbaar wordt. "
            "Noem geen namen van personen of adressen."
        ),
        "is_open": True,
        "moderation_mode": "pre",
    },
    {
        "slug": "duurzaamheid-en-energie",
        "name": "Duurzaamheid en energie",
        "description": (
            "Samen besparen we energie, gaan we slimmer om met water en afval en "
            "maken we de gemeente klaar voor warmere zomers. Welke ideeën heeft u?"
        ),
        "is_open": True,
        "moderation_mode": "post",
    },
    {
        "slug": "vernieuwing-marktplein",
        "name": "Vernieuwing Marktplein (2024)",
        "description": (
            "In 2024 vroegen wij uw mening over het nieuwe Marktplein. Deze "
            "inspraakronde is gesloten: u kunt de ideeën en onze antwoorden nog "
            "wel lezen."
        ),
        "is_open": False,
        "moderation_mode": "post",
    },
]

IDEAS = [
    # ------------------------------------------------------------------
    # Verkeer en parkeren
    # ------------------------------------------------------------------
    {
        "theme": "verkeer-en-parkeren",
        "title": "Zebrapad bij basisschool De Regenboog aan de Schoolstraat",
        "body": (
            "Elke ochtend steken tientallen kinderen de Schoolstraat over om naar "
            "De Regenboog te gaan. Er is geen zebrapad en auto's rijden er vaak "
            "harder dan 30 km per uur. Ouders staan zelf met een hesje aan de kant "
            "van de weg, maar dat is geen oplossing.\n\n"
            "Mijn voorstel: leg een zebrapad aan bij de hoofdingang van de school, "
            "met een verhoogde drempel ervoor en goede verlichting. Zo zien "
            "automobilisten de overgang ook in de donkere wintermaanden.\n\n"
            "Ik heb al met een paar andere ouders gepraat en iedereen is het "
            "ermee eens. Wij willen graag meedenken over de plek."
        ),
        "status": "under_consideration",
        "popularity": 96,
        "explanation": (
            "Wij onderzoeken samen met de school en de verkeersdeskundigen waar een "
            "zebrapad het veiligst is. Na de zomer delen wij een ontwerp en kunt u "
            "daarop reageren."
        ),
        "comments": [
            {
                "body": (
                    "Helemaal mee eens! Mijn dochter fietst sinds dit jaar alleen naar "
                    "school en ik sta elke ochtend met mijn hart in mijn keel."
                ),
                "replies": [
                    "Herkenbaar. Vooral rond half negen is het echt chaos.",
                ],
            },
            {
                "body": (
                    "Een zebrapad alleen helpt niet als er niet gehandhaafd wordt. "
                    "Bij de Kerkstraat ligt er ook een en daar stopt bijna niemand."
                ),
                "replies": [
                    (
                        "Daarom vraagt de indiener ook om een verhoogde drempel. "
                        "Dan moet je wel afremmen."
                    ),
                    "Klopt, maar handhaving blijft nodig. Beide dus.",
                ],
            },
            {
                "body": "Goed plan. Graag ook een klaar-over in de eerste weken.",
                "replies": [],
            },
            {
                "body": (
                    "Als buurtbewoner vraag ik om de drempel niet te hoog te maken. "
                    "Ik heb een rugprobleem en elke schok voel ik in de auto."
                ),
                "replies": [],
            },
            {
                "body": "Eindelijk iemand die dit op de agenda zet. Gestemd!",
                "replies": [],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Meer overdekte fietsenstallingen bij het station",
        "body": (
            "Bij het station staan fietsen overal: tegen lantaarnpalen, op de stoep "
            "en in de berm. De stalling is om kwart over zeven 's ochtends al vol. "
            "Wie later komt, moet zijn fiets ergens neerzetten waar hij in de weg "
            "staat.\n\n"
            "Kan de gemeente zorgen voor extra plekken, het liefst overdekt en "
            "bewaakt? Een deel van het grasveld naast de busbaan wordt nu bijna "
            "niet gebruikt."
        ),
        "status": "already_planned",
        "popularity": 81,
        "explanation": (
            "Samen met ProRail en NS breiden wij de stalling volgend jaar uit met "
            "ongeveer 600 plekken. De plannen staan op "
            "https://www.voorbeeld.nl/projecten/stationsgebied."
        ),
        "comments": [
            {
                "body": (
                    "Fijn dat het al gepland staat. Weet iemand of er ook plekken "
                    "komen voor bakfietsen en fietsen met een kinderzitje?"
                ),
                "replies": [
                    (
                        "In het plan op de website staan 40 plekken voor grote "
                        "fietsen. Niet veel, maar het is een begin."
                    ),
                ],
            },
            {
                "body": "Bewaakt is wel belangrijk. Mijn fiets is daar twee keer gestolen.",
                "replies": [],
            },
            {
                "body": "Ruim ook de weesfietsen op, dat scheelt al snel honderd plekken.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Deelauto's in de wijk Noordhoek",
        "body": (
            "In Noordhoek hebben veel huishoudens een tweede auto die het grootste "
            "deel van de week stilstaat. Ondertussen is parkeren 's avonds bijna "
            "onmogelijk.\n\n"
            "In andere gemeenten staan deelauto's op vaste plekken in de wijk. Je "
            "reserveert met een app en betaalt per uur. Als een paar deelauto's "
            "ervoor zorgen dat mensen hun tweede auto wegdoen, komt er ruimte vrij "
            "op straat.\n\n"
            "Zie bijvoorbeeld https://www.voorbeeld.nl/deelmobiliteit voor wat "
            "de gemeente er nu al over zegt."
        ),
        "status": "submitted",
        "popularity": 22,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Goed idee, ik zou mijn tweede auto meteen wegdoen als er een "
                    "deelauto om de hoek staat."
                ),
                "replies": [],
            },
            {
                "body": (
                    "Wie gaat dat betalen? Ik wil niet dat mijn belastinggeld naar "
                    "een commercieel bedrijf gaat."
                ),
                "replies": [
                    (
                        "Meestal betaalt de aanbieder alles en geeft de gemeente "
                        "alleen de parkeerplek. Het kost de gemeente dus weinig."
                    ),
                ],
            },
            {
                "body": "Dan wel elektrisch graag.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "30 km per uur in de hele bebouwde kom",
        "body": (
            "Veel grote steden gaan over op 30 km per uur als standaard binnen de "
            "bebouwde kom. Dat is veiliger voor fietsers en voetgangers en het "
            "maakt minder lawaai.\n\n"
            "Ik stel voor dat Gemeente Voorbeeld dit ook doet, behalve op de "
            "Rondweg en de grote toegangswegen. Daar kan 50 blijven."
        ),
        "status": "submitted",
        "popularity": 54,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Als fietser ben ik hier heel blij mee. Op de Molenweg word ik "
                    "elke dag rakelings ingehaald."
                ),
                "replies": [],
            },
            {
                "body": (
                    "Sorry, maar dit gaat te ver. Voor mijn werk rijd ik de hele dag "
                    "door de gemeente. Dit kost veel tijd en de bussen worden ook "
                    "trager."
                ),
                "replies": [
                    (
                        "Uit onderzoek in andere steden blijkt dat je gemiddeld maar "
                        "een paar minuten langer onderweg bent. Je staat toch vaak "
                        "stil bij verkeerslichten."
                    ),
                    "Een paar minuten per rit is voor mij een uur per dag.",
                ],
            },
            {
                "body": (
                    "Alleen een bord neerzetten werkt niet. De weg moet er ook naar "
                    "ingericht worden, anders rijdt iedereen gewoon 50."
                ),
                "replies": [],
            },
            {
                "body": "Voor.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Bezoekersparkeren makkelijker maken voor ouderen",
        "body": (
            "Mijn moeder is 84 en krijgt regelmatig bezoek van familie en de "
            "thuiszorg. Voor bezoekers moet zij via een app of website een "
            "parkeerrecht aanmelden. Dat lukt haar niet.\n\n"
            "Graag een mogelijkheid om dit telefonisch te doen, of met een "
            "papieren bezoekerskaart zoals vroeger. Op "
            "https://www.voorbeeld.nl/parkeren/bezoekers staat alleen uitleg over "
            "de app."
        ),
        "status": "submitted",
        "popularity": 14,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Hetzelfde probleem bij mijn buurvrouw. Niet iedereen heeft een smartphone."
                ),
                "replies": [],
            },
            {
                "body": (
                    "Volgens mij kun je bij het klantcontactcentrum vragen of zij het "
                    "voor je aanmelden. Maar dat weten weinig mensen."
                ),
                "replies": [
                    "Dat wist ik niet, bedankt. Dan moet de gemeente dat beter vertellen.",
                ],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Laadpalen in de Bloemenbuurt",
        "body": (
            "In de Bloemenbuurt hebben steeds meer mensen een elektrische auto, "
            "maar er is maar één laadpaal met twee plekken. Die is bijna altijd "
            "bezet.\n\n"
            "Kunnen er een paar laadpalen bij komen, bijvoorbeeld op het pleintje "
            "bij de Tulpstraat?"
        ),
        "status": "accepted",
        "popularity": 25,
        "explanation": (
            "U kunt een openbare laadpaal aanvragen als u een elektrische auto "
            "heeft en geen eigen oprit. Wij plaatsen dit jaar vier extra laadpalen "
            "in de Bloemenbuurt; kijk op https://www.voorbeeld.nl/laadpaal-aanvragen."
        ),
        "comments": [
            {
                "body": "Top, snel geregeld!",
                "replies": [],
            },
            {
                "body": (
                    "Let wel op dat de palen niet midden op de stoep komen. Met een "
                    "kinderwagen of rolstoel moet je er nog langs kunnen."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Drempels op de Molenweg helpen niet",
        "body": (
            "Op de Molenweg liggen sinds vorig jaar drempels, maar die zijn zo "
            "laag dat veel auto's er met 50 overheen rijden. Vooral 's avonds "
            "wordt er hard gereden.\n\n"
            "Misschien kan de gemeente eens meten hoe hard er echt gereden wordt?"
        ),
        "status": "submitted",
        "popularity": 9,
        "explanation": None,
        "comments": [
            {
                "body": "Bij ons aan het eind van de straat precies hetzelfde.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Geen vrachtwagens in het centrum tijdens schooltijden",
        "body": (
            "Tussen 8.00 en 8.45 uur en rond 15.00 uur rijden er grote "
            "vrachtwagens door de smalle straten van het centrum. Dat is "
            "gevaarlijk voor kinderen op de fiets.\n\n"
            "Kan er een verbod komen op zware vrachtwagens op die tijden?"
        ),
        "status": "rejected",
        "popularity": 14,
        "explanation": (
            "Winkels in het centrum zijn afhankelijk van bevoorrading in de "
            "ochtend, en een verbod zou het verkeer naar andere schoolroutes "
            "verplaatsen. Wel maken wij met vervoerders afspraken over routes en "
            "snelheid rond scholen."
        ),
        "comments": [
            {
                "body": "Jammer. Kunnen de vrachtwagens dan niet eerder komen, voor acht uur?",
                "replies": [],
            },
            {
                "body": (
                    "Ik snap het antwoord wel. Ik heb zelf een winkel en moet ook "
                    "bevoorraad worden."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Bus naar het ziekenhuis ook op zondag",
        "body": (
            "Op zondag rijdt er geen bus naar het ziekenhuis in de buurgemeente. "
            "Juist in het weekend wil je op bezoek bij familie.\n\n"
            "Zonder auto ben je dan aangewezen op een taxi en dat is voor veel "
            "mensen te duur."
        ),
        "status": "submitted",
        "popularity": 10,
        "explanation": None,
        "comments": [],
    },
    {
        "theme": "verkeer-en-parkeren",
        "title": "Fietspad langs de Dorpsstraat breder maken",
        "body": (
            "Het fietspad langs de Dorpsstraat is smal. Met de opkomst van "
            "e-bikes en speed pedelecs wordt er veel ingehaald, en dat gaat "
            "regelmatig bijna mis.\n\n"
            "Graag een breder fietspad, ook al kost dat een paar parkeerplaatsen."
        ),
        "status": "implemented",
        "popularity": 17,
        "explanation": (
            "Het fietspad is dit voorjaar verbreed naar 2,5 meter. Daarvoor zijn "
            "zes parkeerplaatsen verplaatst naar de Stationslaan."
        ),
        "comments": [
            {
                "body": "Het is echt een verbetering, dank jullie wel!",
                "replies": [],
            },
            {
                "body": "Nu nog de bladeren in het najaar op tijd weghalen.",
                "replies": [],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Groen en natuur
    # ------------------------------------------------------------------
    {
        "theme": "groen-en-natuur",
        "title": "Meer bankjes in het Stadspark",
        "body": (
            "Ik wandel elke dag in het Stadspark, maar tussen de vijver en de "
            "speeltuin staat geen enkel bankje. Voor ouderen en mensen die slecht "
            "ter been zijn, is de wandeling daardoor te lang.\n\n"
            "Een paar extra bankjes, het liefst met leuningen en een deel in de "
            "schaduw, zou het park voor veel meer mensen bruikbaar maken."
        ),
        "status": "accepted",
        "popularity": 68,
        "explanation": (
            "Wij plaatsen dit najaar acht nieuwe bankjes met rug- en armleuningen "
            "in het Stadspark. De plekken kiezen wij samen met de seniorenraad."
        ),
        "comments": [
            {
                "body": "Mooi! Mijn vader loopt met een rollator en moet nu halverwege omkeren.",
                "replies": [],
            },
            {
                "body": (
                    "Graag ook een prullenbak bij elk bankje, anders ligt er binnen "
                    "een week overal afval."
                ),
                "replies": [
                    "Goed punt. En die bakken dan ook vaak genoeg legen.",
                ],
            },
            {
                "body": (
                    "Ik hoop dat het geen hangplek wordt. Bij het bankje bij de "
                    "vijver is het 's avonds soms onrustig."
                ),
                "replies": [],
            },
            {
                "body": "Eens met het idee. Houten bankjes zijn mooier dan metalen.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Geveltuintje aanvragen moet eenvoudiger",
        "body": (
            "Ik wilde een geveltuintje maken voor mijn huis. Daarvoor moest ik een "
            "formulier van vier pagina's invullen en zes weken wachten.\n\n"
            "Een geveltuin is klein, goed voor bijen en tegen hitte. Kan dit niet "
            "gewoon met een melding, zolang er 1 meter stoep overblijft?"
        ),
        "status": "implemented",
        "popularity": 46,
        "explanation": (
            "Sinds 1 maart is een vergunning niet meer nodig. U doet een korte "
            "melding via https://www.voorbeeld.nl/geveltuin en u mag binnen twee "
            "weken beginnen. Wij halen gratis de tegels weg."
        ),
        "comments": [
            {
                "body": "Net gedaan via de website, binnen 5 minuten klaar. Zo hoort het!",
                "replies": [],
            },
            {
                "body": "Krijg je ook plantjes van de gemeente?",
                "replies": [
                    "Bij ons in de straat kregen we een zakje zaad en wat aarde.",
                ],
            },
        ],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Bermen minder vaak maaien, meer bloemen",
        "body": (
            "De bermen langs de Rondweg en de Vijverweg worden heel vaak kort "
            "gemaaid. Daardoor groeit er bijna niets dat bloeit.\n\n"
            "Als je de bermen maar twee keer per jaar maait en het maaisel "
            "afvoert, krijg je vanzelf meer bloemen, bijen en vlinders. Het is "
            "ook nog goedkoper.\n\n"
            "Misschien kan de gemeente op een paar plekken beginnen als proef? "
            "Op https://www.voorbeeld.nl/groenbeheer staat nu nog het oude "
            "maaischema."
        ),
        "status": "under_consideration",
        "popularity": 23,
        "explanation": (
            "Wij kijken welke bermen geschikt zijn voor ecologisch maaibeheer. "
            "Bij kruispunten moet het gras kort blijven, zodat iedereen goed "
            "zicht heeft."
        ),
        "comments": [
            {
                "body": (
                    "Prima, maar niet bij de bocht bij de sportvelden. Daar zie je "
                    "nu al slecht of er iemand aankomt."
                ),
                "replies": [],
            },
            {
                "body": (
                    "In de gemeente waar ik vroeger woonde deden ze dit. Na twee jaar "
                    "stonden er klaprozen en korenbloemen. Prachtig."
                ),
                "replies": [],
            },
            {
                "body": "Meer teken? Ik maak me daar wel wat zorgen over.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Uitlaatveld voor honden bij de Vijverweg",
        "body": (
            "Er zijn veel honden in onze wijk, maar nergens een plek waar ze los "
            "mogen lopen. Daardoor lopen honden los op het grasveld waar kinderen "
            "spelen, en dat geeft ergernis.\n\n"
            "Een omheind uitlaatveld met een paar afvalbakken en zakjes lost "
            "volgens mij veel op."
        ),
        "status": "submitted",
        "popularity": 11,
        "explanation": None,
        "comments": [
            {
                "body": "Als hondenbezitter: ja graag! Dan weet iedereen waar hij aan toe is.",
                "replies": [],
            },
            {
                "body": (
                    "Niet naast de speeltuin zetten alsjeblieft. Het stuk achter de "
                    "volkstuinen is volgens mij veel beter."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Bomen op het parkeerterrein bij de supermarkt",
        "body": (
            "Het parkeerterrein bij de supermarkt aan de Kastanjelaan is in de "
            "zomer net een oven. Er staat geen boom en alles is asfalt.\n\n"
            "Bomen tussen de parkeervakken geven schaduw, houden regenwater vast "
            "en maken het er gewoon prettiger. Misschien kan het in overleg met "
            "de supermarkt?"
        ),
        "status": "submitted",
        "popularity": 16,
        "explanation": None,
        "comments": [
            {
                "body": "Goed idee. Dan stap je ook niet meer in een auto van 50 graden.",
                "replies": [],
            },
            {
                "body": "Een boom kost een parkeerplek. Op zaterdag is het nu al vol.",
                "replies": [
                    (
                        "Je kunt bomen ook in de rand tussen de rijen zetten, dan "
                        "verlies je bijna geen plekken."
                    ),
                ],
            },
        ],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Buurtmoestuin op het braakliggende terrein",
        "body": (
            "Het veld achter de oude garage ligt al jaren braak. Er groeit alleen "
            "onkruid.\n\n"
            "Met een paar buren willen we er een moestuin van maken, in ieder "
            "geval tot er gebouwd wordt. We zoeken dan alleen toestemming en een "
            "waterkraan."
        ),
        "status": "submitted",
        "popularity": 8,
        "explanation": None,
        "comments": [
            {
                "body": "Ik doe mee! Ik heb nog gereedschap over.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Nestkasten en insectenhotels in de wijk",
        "body": (
            "Misschien een klein idee: hang nestkasten op in de bomen langs de "
            "lanen en zet hier en daar een insectenhotel neer.\n\n"
            "Kinderen van de basisschool kunnen ze maken tijdens de techniekles."
        ),
        "status": "submitted",
        "popularity": 4,
        "explanation": None,
        "comments": [],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Actie: tegels eruit, planten erin",
        "body": (
            "Veel tuinen in onze gemeente zijn helemaal betegeld. Bij hevige regen "
            "loopt het water dan de straat op.\n\n"
            "Kan de gemeente een actie organiseren waarbij je je tegels gratis "
            "kunt inleveren en een plant of boompje terugkrijgt?"
        ),
        "status": "already_planned",
        "popularity": 13,
        "explanation": (
            "Van april tot en met oktober doen wij mee aan het landelijke "
            "tegelwippen. Bij de milieustraat kunt u tegels inleveren; meer "
            "informatie staat op https://www.voorbeeld.nl/tegelwippen."
        ),
        "comments": [
            {
                "body": "Leuk! Haalt de gemeente ook tegels op als je geen auto hebt?",
                "replies": [
                    "Volgens de website kan dat als je met de hele straat meedoet.",
                ],
            },
        ],
    },
    {
        "theme": "groen-en-natuur",
        "title": "Wandelpad rond de Zwanenplas opknappen",
        "body": (
            "Het wandelpad rond de Zwanenplas is op veel plekken kapot. Na regen "
            "staan er grote plassen en met een rolstoel kom je er niet meer "
            "door.\n\n"
            "Een halfverharding of een pad van schelpen zou al een groot verschil "
            "maken."
        ),
        "status": "submitted",
        "popularity": 12,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Geen asfalt graag, dan verdwijnt het natuurlijke karakter. "
                    "Schelpen vind ik een goed idee."
                ),
                "replies": [],
            },
            {
                "body": "Ik wandel daar met mijn moeder in een rolstoel. Dit is hard nodig.",
                "replies": [],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Wonen
    # ------------------------------------------------------------------
    {
        "theme": "wonen",
        "title": "Meer betaalbare huurwoningen voor starters",
        "body": (
            "Ik ben 27, werk fulltime en woon nog steeds bij mijn ouders. Een "
            "sociale huurwoning krijg ik niet, want de wachttijd is meer dan tien "
            "jaar. Voor vrije huur verdien ik te weinig en kopen is onmogelijk.\n\n"
            "Veel vrienden van mij zijn om die reden naar de stad vertrokken. "
            "Zo verdwijnen de jongeren uit onze gemeente.\n\n"
            "Mijn vraag: bouw meer kleine, betaalbare huurwoningen voor "
            "starters, bijvoorbeeld in het nieuwe plan aan de oostkant."
        ),
        "status": "under_consideration",
        "popularity": 88,
        "explanation": (
            "Wij nemen dit mee in de nieuwe woonvisie. Daarin willen wij vastleggen "
            "dat minstens een derde van de nieuwbouw betaalbare huur is, met een "
            "deel speciaal voor starters."
        ),
        "comments": [
            {
                "body": (
                    "Precies mijn situatie. Ik sta al zes jaar ingeschreven en heb "
                    "nog nooit een kans gehad."
                ),
                "replies": [],
            },
            {
                "body": (
                    "Het probleem is niet alleen bouwen, maar ook doorstroming. Veel "
                    "ouderen wonen in een te grote eengezinswoning omdat er niets "
                    "kleiners te vinden is."
                ),
                "replies": [
                    "Daar is een apart idee voor op deze site, over seniorenwoningen.",
                ],
            },
            {
                "body": (
                    "Bouwen is prima, maar niet in het weiland aan de oostkant. Dat "
                    "is het laatste stukje open landschap."
                ),
                "replies": [
                    "Waar moeten die woningen dan wel komen? Je kunt niet tegen alles zijn.",
                ],
            },
            {
                "body": "Graag ook aan mensen denken die alleen wonen. Niet alleen gezinnen.",
                "replies": [],
            },
            {
                "body": "Helemaal eens!!",
                "replies": [],
            },
            {
                "body": (
                    "Wat verstaat de gemeente onder betaalbaar? Dat woord wordt zo "
                    "vaak gebruikt. Graag een concreet bedrag per maand."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "wonen",
        "title": "Tiny houses op tijdelijke locaties",
        "body": (
            "Er liggen in de gemeente een paar stukken grond waar pas over tien "
            "jaar gebouwd wordt. Daar kunnen tot die tijd tiny houses staan.\n\n"
            "Dat helpt jongeren en mensen die na een scheiding snel een woning "
            "nodig hebben. Tiny houses kun je later gewoon verplaatsen."
        ),
        "status": "submitted",
        "popularity": 20,
        "explanation": None,
        "comments": [
            {
                "body": "Leuk idee, maar zijn tiny houses niet duur per vierkante meter?",
                "replies": [],
            },
            {
                "body": (
                    "In de gemeente van mijn zus staat zo'n tijdelijk dorpje. Het "
                    "werkt daar heel goed."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "wonen",
        "title": "Kangoeroewoning makkelijker maken",
        "body": (
            "Geachte gemeente,\n\n"
            "Wij willen graag dat mijn schoonmoeder bij ons op het erf komt wonen, "
            "in een aangebouwde woning met eigen voordeur. De regels hiervoor zijn "
            "ingewikkeld en het is onduidelijk of zij dan haar eigen uitkering "
            "houdt.\n\n"
            "Wij vragen de gemeente om één loket waar je hierover advies krijgt, "
            "en om de regels waar mogelijk te vereenvoudigen.\n\n"
            "Met vriendelijke groet"
        ),
        "status": "submitted",
        "popularity": 13,
        "explanation": None,
        "comments": [
            {
                "body": "Wij zijn hier ook mee bezig. De kostendelersnorm is echt een drempel.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "wonen",
        "title": "Lege winkels in de Dorpsstraat ombouwen tot woningen",
        "body": (
            "In de Dorpsstraat staan minstens vijf winkelpanden al lang leeg. Het "
            "maakt de straat somber.\n\n"
            "Zou je daar niet beter woningen van kunnen maken? Het centrum wordt "
            "dan ook 's avonds levendiger."
        ),
        "status": "already_planned",
        "popularity": 19,
        "explanation": (
            "In het centrumplan hebben wij afgesproken dat winkels aan de randen "
            "van het centrum woningen mogen worden. Eigenaren kunnen hiervoor "
            "subsidie aanvragen via https://www.voorbeeld.nl/transformatie."
        ),
        "comments": [
            {
                "body": "Goed om te horen. Hoe lang duurt zoiets ongeveer?",
                "replies": [],
            },
            {
                "body": (
                    "Houd wel een paar panden beschikbaar voor kleine ondernemers. "
                    "Een straat met alleen woningen is ook niet gezellig."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "wonen",
        "title": "Seniorenwoningen dicht bij de winkels",
        "body": (
            "Ik ben 74 en woon in een eengezinswoning met trap. Ik wil graag "
            "verhuizen naar een gelijkvloerse woning, maar die zijn er bijna "
            "niet, zeker niet in de buurt van winkels en de huisarts.\n\n"
            "Als er meer seniorenwoningen komen, komt mijn huis vrij voor een "
            "jong gezin. Daar heeft iedereen iets aan."
        ),
        "status": "submitted",
        "popularity": 13,
        "explanation": None,
        "comments": [
            {
                "body": "Zo simpel kan het zijn. Dit helpt jong en oud.",
                "replies": [],
            },
            {
                "body": (
                    "Het moet dan wel betaalbaar blijven. Een nieuwe woning kost "
                    "vaak veel meer huur dan je oude huis."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "wonen",
        "title": "Voorrang voor eigen inwoners bij nieuwbouw",
        "body": (
            "Bij het laatste nieuwbouwproject ging de helft van de woningen naar "
            "mensen van buiten de gemeente. Ondertussen kunnen onze eigen kinderen "
            "hier niets vinden.\n\n"
            "Geef mensen die hier wonen of werken voorrang."
        ),
        "status": "submitted",
        "popularity": 16,
        "explanation": None,
        "comments": [
            {
                "body": "Eens, dit gebeurt in andere gemeenten ook.",
                "replies": [],
            },
            {
                "body": (
                    "Ik begrijp het gevoel, maar ik ben zelf vijf jaar geleden hier "
                    "komen wonen voor mijn werk. Iedereen is ooit nieuw."
                ),
                "replies": [
                    "Daarom ook voorrang voor wie hier werkt. Dat zou jou dan helpen.",
                ],
            },
            {
                "body": "Mag dat wettelijk eigenlijk wel?",
                "replies": [],
            },
        ],
    },
    {
        "theme": "wonen",
        "title": "Duidelijke uitleg over de wachtlijst voor sociale huur",
        "body": (
            "Veel mensen weten niet hoe de wachtlijst werkt. Telt de inschrijfduur? "
            "Wat is een urgentie? Hoe vaak moet je reageren?\n\n"
            "Een eenvoudige uitleg op de website, in gewone taal, zou veel vragen "
            "voorkomen."
        ),
        "status": "accepted",
        "popularity": 6,
        "explanation": (
            "Samen met de woningcorporaties maken wij een uitleg in eenvoudige taal. "
            "Die komt dit jaar op https://www.voorbeeld.nl/woningzoeken."
        ),
        "comments": [],
    },
    {
        "theme": "wonen",
        "title": "Kleine studio's voor jongeren boven de bibliotheek",
        "body": (
            "De bovenverdieping van de bibliotheek wordt nauwelijks gebruikt.\n\n"
            "Misschien passen daar een paar studio's voor jongeren?"
        ),
        "status": "submitted",
        "popularity": 3,
        "explanation": None,
        "comments": [
            {
                "body": "Daar zit toch het archief?",
                "replies": [],
            },
        ],
    },
    {
        "theme": "wonen",
        "title": "Achterpaden in de oude wijk beter onderhouden",
        "body": (
            "De achterpaden in de oude wijk zijn van de gemeente, maar niemand "
            "onderhoudt ze. Er groeit onkruid tot je knieën en de verlichting is "
            "al maanden kapot.\n\n"
            "Graag een vast schema voor onderhoud, of duidelijkheid over wie "
            "verantwoordelijk is."
        ),
        "status": "submitted",
        "popularity": 7,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Bij ons zijn de paden van de bewoners zelf, staat in de koopakte. "
                    "Check dat even."
                ),
                "replies": [
                    "Bij ons niet, ik heb het nagevraagd. Ze zijn echt van de gemeente.",
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Jeugd en onderwijs
    # ------------------------------------------------------------------
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Speeltuin aan de Lindelaan opknappen",
        "body": (
            "De speeltuin aan de Lindelaan is echt aan vervanging toe. De glijbaan "
            "is al een jaar afgezet met lint, de schommels zijn verroest en in de "
            "zandbak ligt glas.\n\n"
            "Er wonen hier veel jonge gezinnen. Het zou fijn zijn als kinderen er "
            "weer veilig kunnen spelen, ook kinderen met een beperking. Denk aan "
            "een nestschommel en een zandtafel op rolstoelhoogte.\n\n"
            "Wij willen als buurt graag meedenken over het ontwerp."
        ),
        "status": "accepted",
        "popularity": 73,
        "explanation": (
            "De speeltuin wordt volgend voorjaar vernieuwd en wordt een "
            "speelplek voor alle kinderen, ook met een beperking. In september "
            "organiseren wij een ontwerpavond voor de buurt."
        ),
        "comments": [
            {
                "body": "Super! Mijn zoontje zit in een rolstoel en kan nu nergens spelen.",
                "replies": [
                    "Wat fijn dat daar nu aan gedacht wordt.",
                ],
            },
            {
                "body": "Graag ook een paar bankjes in de schaduw voor ouders en opa's en oma's.",
                "replies": [],
            },
            {
                "body": "Kan er een hek omheen? Nu lopen er honden door de zandbak.",
                "replies": [],
            },
            {
                "body": "Wanneer is die ontwerpavond precies?",
                "replies": [
                    "Staat nog niet vast volgens mij. Houd de wijkkrant in de gaten.",
                ],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Een jongerencentrum in Noordhoek",
        "body": (
            "hoi, ik ben 16 en woon in noordhoek. er is hier helemaal niks voor "
            "jongeren. we hangen dus maar bij de supermarkt en dan krijgen we "
            "weer klachten.\n\n"
            "een plek waar je kan chillen, gamen, muziek maken of gewoon even je "
            "huiswerk doen zou echt nice zijn. met iemand van het jongerenwerk "
            "erbij is ook prima."
        ),
        "status": "under_consideration",
        "popularity": 62,
        "explanation": (
            "Wij zoeken samen met het jongerenwerk naar een geschikt gebouw in "
            "Noordhoek. Jongeren uit de wijk mogen meepraten over de inrichting; "
            "aanmelden kan via https://www.voorbeeld.nl/jongeren."
        ),
        "comments": [
            {
                "body": (
                    "Goed dat je dit zelf aankaart! Als buurtbewoner steun ik dit. "
                    "Liever een plek binnen dan overlast op straat."
                ),
                "replies": [],
            },
            {
                "body": "ja echt nodig, ik zou er elke dag heen gaan",
                "replies": [],
            },
            {
                "body": (
                    "Het vroegere buurthuis aan het Kerkplein staat leeg. Misschien kan het daar?"
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Fietsstraat als veilige schoolroute",
        "body": (
            "Veel kinderen fietsen via de Beukenlaan naar de middelbare school. "
            "Het is een smalle straat waar auto's hard rijden.\n\n"
            "Maak er een fietsstraat van: rood asfalt en de auto is te gast. Zo "
            "weet iedereen dat de fiets hier voorgaat."
        ),
        "status": "submitted",
        "popularity": 15,
        "explanation": None,
        "comments": [
            {
                "body": "Goed idee. Kan ook meteen bij het zebrapadidee van de Schoolstraat.",
                "replies": [],
            },
            {
                "body": (
                    "Een fietsstraat zonder minder autoverkeer werkt niet. Dan wordt "
                    "het alleen een rode weg."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Gratis huiswerkbegeleiding in de bibliotheek",
        "body": (
            "Niet alle ouders kunnen hun kinderen helpen met huiswerk of betalen "
            "voor bijles.\n\n"
            "Een paar middagen per week gratis huiswerkhulp in de "
            "bibliotheek, met vrijwilligers, zou veel kinderen helpen."
        ),
        "status": "implemented",
        "popularity": 10,
        "explanation": (
            "Sinds januari is er op dinsdag- en donderdagmiddag gratis "
            "huiswerkbegeleiding in de bibliotheek, met vrijwilligers en "
            "studenten van de pabo."
        ),
        "comments": [
            {
                "body": "Mijn dochter gaat er nu elke week heen. Erg blij mee.",
                "replies": [],
            },
            {
                "body": "Zijn er nog vrijwilligers nodig? Ik ben gepensioneerd docent wiskunde.",
                "replies": [
                    "Ja, meld je aan bij de balie van de bibliotheek. Ze zoeken nog mensen.",
                ],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Voetbalkooi bij de sporthal",
        "body": (
            "Naast de sporthal ligt een stuk gras dat bijna niemand gebruikt. Een "
            "voetbalkooi met kunstgras zou daar perfect passen.\n\n"
            "Kinderen kunnen er dan na school voetballen, zonder dat de bal "
            "steeds de weg op rolt."
        ),
        "status": "submitted",
        "popularity": 19,
        "explanation": None,
        "comments": [
            {
                "body": "Ja! En dan ook een basketbalpaal erbij.",
                "replies": [],
            },
            {
                "body": (
                    "Ik woon naast dat veld. Het geluid van een bal tegen een hek tot "
                    "tien uur 's avonds is niet leuk. Graag vaste tijden."
                ),
                "replies": [
                    "Er bestaan ook kooien met geluiddempende hekken.",
                ],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Zwemles voor alle kinderen, ook als je weinig geld hebt",
        "body": (
            "Zwemles kost al snel een paar honderd euro. Voor sommige gezinnen is "
            "dat te veel, terwijl zwemmen zo belangrijk is in een land met veel "
            "water.\n\n"
            "Kan de gemeente zwemles betalen voor kinderen uit gezinnen met een "
            "laag inkomen?"
        ),
        "status": "already_planned",
        "popularity": 12,
        "explanation": (
            "Dit kan al via het kindpakket. Gezinnen met een laag inkomen kunnen "
            "zwemles voor hun kinderen laten vergoeden via "
            "https://www.voorbeeld.nl/kindpakket."
        ),
        "comments": [
            {
                "body": "Wist ik niet. Dit moet beter bekend worden, bijvoorbeeld via de scholen.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Skatebaan uitbreiden met een bowl",
        "body": (
            "De skatebaan is heel druk en veel te klein. Er is alleen een paar "
            "rails en één ramp. Een bowl zou echt top zijn.\n\n"
            "Wij kunnen met een groepje skaters helpen met het ontwerp."
        ),
        "status": "submitted",
        "popularity": 13,
        "explanation": None,
        "comments": [
            {
                "body": "Goed plan, ik skate daar ook. Verlichting zou ook fijn zijn in de winter.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Schoolpleinen openstellen na schooltijd",
        "body": (
            "De meeste schoolpleinen gaan om vier uur op slot. Toch zijn dat vaak "
            "de beste speelplekken in de buurt.\n\n"
            "Laat de pleinen open tot het "
            "donker wordt."
        ),
        "status": "submitted",
        "popularity": 6,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Als leerkracht snap ik het idee, maar wie ruimt 's ochtends de "
                    "blikjes en peuken op? Dat doen wij nu al vaak."
                ),
                "replies": [],
            },
            {
                "body": "Op sommige scholen werkt het prima met een buurtconciërge.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "jeugd-en-onderwijs",
        "title": "Meer stageplekken bij de gemeente voor mbo-studenten",
        "body": (
            "Als mbo-student is het lastig om een stage te vinden.\n\n"
            "De gemeente is een grote werkgever. Misschien kan de gemeente meer stageplekken "
            "aanbieden, bijvoorbeeld bij de buitendienst of ICT."
        ),
        "status": "submitted",
        "popularity": 2,
        "explanation": None,
        "comments": [],
    },
    # ------------------------------------------------------------------
    # Sport en cultuur
    # ------------------------------------------------------------------
    {
        "theme": "sport-en-cultuur",
        "title": "Openluchtbioscoop in het Stadspark in de zomer",
        "body": (
            "Wat zou het leuk zijn om in de zomer een paar keer een film te kijken "
            "in het Stadspark! Met een groot scherm, een paar foodtrucks en "
            "iedereen op een kleedje.\n\n"
            "Het brengt mensen uit verschillende wijken bij elkaar en het hoeft "
            "niet veel te kosten. Lokale ondernemers willen vast sponsoren."
        ),
        "status": "submitted",
        "popularity": 47,
        "explanation": None,
        "comments": [
            {
                "body": "Ja leuk! Dan wel ook een kinderfilm vroeg op de avond.",
                "replies": [],
            },
            {
                "body": (
                    "Ik woon aan het park. Eén of twee keer per zomer vind ik prima, "
                    "maar niet elk weekend tot middernacht."
                ),
                "replies": [
                    "Begrijpelijk. Misschien stoppen om elf uur?",
                ],
            },
            {
                "body": (
                    "Onze filmclub wil dit graag helpen organiseren. We hebben al een "
                    "beamer en ervaring met filmavonden."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "Buitenfitness in het park",
        "body": (
            "Niet iedereen kan of wil een sportschoolabonnement betalen. Een paar "
            "eenvoudige fitnesstoestellen in het park zijn gratis voor iedereen "
            "en ook geschikt voor ouderen.\n\n"
            "In de buurgemeente staat zoiets al, en het wordt veel gebruikt."
        ),
        "status": "accepted",
        "popularity": 22,
        "explanation": (
            "Wij plaatsen volgend jaar een buitenfitnessplek bij de Zwanenplas. "
            "De buurtsportcoach geeft er wekelijks gratis les."
        ),
        "comments": [
            {
                "body": "Mooi, ik ga ze zeker gebruiken.",
                "replies": [],
            },
            {
                "body": "Graag ook toestellen voor mensen met een rollator of rolstoel.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "Bibliotheek ook op zaterdagmiddag open",
        "body": (
            "De bibliotheek is op zaterdag alleen tot 13.00 uur open. Voor mensen "
            "die doordeweeks werken, is dat kort.\n\n"
            "Kan de bibliotheek op zaterdag tot 17.00 uur open, eventueel in ruil "
            "voor een ochtend minder in de week?"
        ),
        "status": "submitted",
        "popularity": 11,
        "explanation": None,
        "comments": [
            {
                "body": "Goed idee. Zaterdagmiddag is ook gezellig met de kinderen.",
                "replies": [],
            },
            {
                "body": "Met een pasje zelf naar binnen, zoals in sommige steden?",
                "replies": [
                    "Dat heet een open bibliotheek. Lijkt me ideaal.",
                ],
            },
        ],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "Subsidie voor kleine culturele activiteiten eenvoudiger aanvragen",
        "body": (
            "Voor een buurtconcert of een kleine tentoonstelling moet je dezelfde "
            "uitgebreide subsidieaanvraag doen als voor een groot festival. Voor "
            "vrijwilligers is dat te veel werk.\n\n"
            "Mijn voorstel: een snelle regeling tot 1.000 euro, met een kort "
            "formulier en binnen twee weken antwoord.\n\n"
            "Zie voor de huidige regels https://www.voorbeeld.nl/subsidies/cultuur."
        ),
        "status": "under_consideration",
        "popularity": 11,
        "explanation": (
            "Wij werken aan een eenvoudige regeling voor kleine aanvragen. De "
            "gemeenteraad beslist hierover bij de nieuwe subsidieverordening."
        ),
        "comments": [
            {
                "body": (
                    "Heel herkenbaar. Vorig jaar hebben we van ons straatfeest "
                    "afgezien omdat het aanvragen te ingewikkeld was."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "Zorgen over rubberkorrels op het kunstgrasveld",
        "body": (
            "Op het kunstgrasveld van de voetbalclub liggen zwarte rubberkorrels. "
            "Die zitten overal: in schoenen, in de berm en in de sloot naast het "
            "veld.\n\n"
            "Ik maak me zorgen over het milieu en de gezondheid van de kinderen. "
            "Kan bij vervanging worden gekozen voor een ander soort vulling, "
            "zoals kurk?"
        ),
        "status": "submitted",
        "popularity": 7,
        "explanation": None,
        "comments": [
            {
                "body": "Bij onze club hebben ze kurk. Het werkt prima.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "De muziektent in het park weer gebruiken",
        "body": (
            "In het park staat een prachtige oude muziektent, maar er gebeurt "
            "bijna nooit iets.\n\n"
            "Laat koren, bandjes en de harmonie er op "
            "zondagmiddag spelen. Dan komt het park weer tot leven."
        ),
        "status": "submitted",
        "popularity": 9,
        "explanation": None,
        "comments": [
            {
                "body": "Onze harmonie speelt er graag! Dan wel graag stroom in de tent.",
                "replies": [],
            },
            {
                "body": "Mooi idee, een ouderwetse zondagmiddag in het park.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "Oefenruimte voor bandjes",
        "body": (
            "Er is geen plek in de gemeente waar je met een band kunt oefenen. "
            "Thuis kan het niet vanwege de buren.\n\n"
            "Een paar geluiddichte ruimtes "
            "die je per uur kunt huren, zou voor veel muzikanten een uitkomst "
            "zijn."
        ),
        "status": "submitted",
        "popularity": 5,
        "explanation": None,
        "comments": [],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "Jeu-de-boulesbaan bij het wijkcentrum",
        "body": (
            "Bij het wijkcentrum is ruimte voor een jeu-de-boulesbaan.\n\n"
            "Veel ouderen uit de wijk willen graag buiten samen iets doen."
        ),
        "status": "implemented",
        "popularity": 10,
        "explanation": (
            "De baan is in mei geopend. Het wijkcentrum leent ballen uit en op "
            "woensdagmiddag is er een vaste speelmiddag."
        ),
        "comments": [
            {
                "body": "Wij spelen er elke woensdag. Gezellig en goed aangelegd!",
                "replies": [],
            },
        ],
    },
    {
        "theme": "sport-en-cultuur",
        "title": "Hardlooproute met afstandsbordjes",
        "body": (
            "Zet een hardlooproute uit van 5 kilometer door het park en langs de "
            "plas, met bordjes per kilometer.\n\n"
            "Handig voor beginners en het "
            "nodigt uit om te bewegen."
        ),
        "status": "submitted",
        "popularity": 3,
        "explanation": None,
        "comments": [
            {
                "body": "Leuk. Een route van 2,5 km voor beginners zou ook mooi zijn.",
                "replies": [],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Veiligheid en leefbaarheid
    # ------------------------------------------------------------------
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Betere straatverlichting in het Stationspark",
        "body": (
            "Het pad door het Stationspark is 's avonds erg donker. Veel lampen "
            "zijn kapot en de struiken zijn zo hoog dat je niet ziet wie eraan "
            "komt. Ik loop er na mijn late dienst liever niet meer door en fiets "
            "nu een heel stuk om.\n\n"
            "Ik vraag om meer en betere verlichting en om de struiken langs het "
            "pad lager te maken.\n\n"
            "Een kapotte lamp kun je melden via https://www.voorbeeld.nl/melding, "
            "maar hier is meer nodig dan één nieuwe lamp."
        ),
        "status": "under_consideration",
        "popularity": 77,
        "explanation": (
            "Wij hebben de kapotte lampen vervangen en bekijken nu samen met de "
            "politie hoe het pad veiliger kan. Daarbij letten wij ook op "
            "vleermuizen, die last hebben van fel licht."
        ),
        "comments": [
            {
                "body": (
                    "Dit speelt al jaren. Mijn dochter mag er van mij 's avonds niet "
                    "meer alleen doorheen."
                ),
                "replies": [],
            },
            {
                "body": (
                    "Lampen met een bewegingssensor zijn een goede oplossing. Licht "
                    "als het nodig is, donker voor de natuur als er niemand is."
                ),
                "replies": [
                    "Goed idee, dat zie je steeds vaker op fietspaden.",
                ],
            },
            {
                "body": "Snoei ook de struiken bij de ingang aan de Stationslaan.",
                "replies": [],
            },
            {
                "body": "Eens. Een veilige route naar het station is belangrijk voor iedereen.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Hondenpoep op stoepen en grasvelden aanpakken",
        "body": (
            "In onze wijk ligt overal hondenpoep, op de stoep, in de grasvelden en "
            "zelfs bij de speeltuin. Het is vies en kinderen kunnen er niet meer "
            "spelen.\n\n"
            "Ik vraag de gemeente om meer poepzakjes-automaten en afvalbakken, en "
            "om vaker te controleren. Wie het niet opruimt, mag best een boete "
            "krijgen."
        ),
        "status": "submitted",
        "popularity": 57,
        "explanation": None,
        "comments": [
            {
                "body": "Eindelijk! Ik maak elke week de wielen van de kinderwagen schoon.",
                "replies": [],
            },
            {
                "body": (
                    "De meeste hondenbezitters ruimen het gewoon op. Het gaat om een "
                    "kleine groep. Niet alle hondenbezitters over één kam scheren "
                    "alstublieft."
                ),
                "replies": [
                    "Dat zegt ook niemand. Maar die kleine groep moet wel aangesproken worden.",
                ],
            },
            {
                "body": (
                    "Meer afvalbakken helpt echt. Nu moet je soms een kwartier lopen met een zakje."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Vuurwerkvrije zone bij de kinderboerderij en het verzorgingshuis",
        "body": (
            "Elk jaar rond oud en nieuw zijn de dieren van de kinderboerderij in "
            "paniek. Ook de bewoners van het verzorgingshuis ernaast schrikken "
            "elke keer.\n\n"
            "Een vuurwerkvrije zone rond deze plekken zou veel leed voorkomen."
        ),
        "status": "accepted",
        "popularity": 25,
        "explanation": (
            "De burgemeester heeft dit gebied voor de komende jaarwisseling "
            "aangewezen als vuurwerkvrije zone. Handhavers zullen er extra "
            "aanwezig zijn."
        ),
        "comments": [
            {
                "body": "Heel goed nieuws voor de dieren!",
                "replies": [],
            },
            {
                "body": (
                    "Prima, maar geef dan ook een plek aan waar het wél mag. Anders "
                    "gaat iedereen gewoon in de straat afsteken."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Afvalbakken in de zomer vaker legen",
        "body": (
            "Op warme dagen zitten de afvalbakken bij de plas en in het park al "
            "om twee uur 's middags vol. Daarna ligt alles ernaast en komen de "
            "meeuwen en ratten.\n\n"
            "Graag in de zomer vaker legen, ook in het weekend."
        ),
        "status": "submitted",
        "popularity": 14,
        "explanation": None,
        "comments": [
            {
                "body": "En grotere bakken, of bakken die het afval samenpersen.",
                "replies": [],
            },
            {
                "body": "Mensen kunnen hun afval ook gewoon mee naar huis nemen hoor.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Steun voor de buurtpreventie-app",
        "body": (
            "In onze straat hebben we een appgroep voor buurtpreventie. Het werkt "
            "goed, maar we weten niet altijd wat we wel en niet mogen doen.\n\n"
            "Een korte training van de wijkagent of de gemeente zou fijn zijn. "
            "Ook borden met 'buurtpreventie' aan het begin van de straat helpen."
        ),
        "status": "submitted",
        "popularity": 6,
        "explanation": None,
        "comments": [],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Flitspaal op de Rondweg",
        "body": (
            "Op de Rondweg wordt 's nachts extreem hard gereden, soms wel 100 "
            "kilometer per uur terwijl 50 is toegestaan. Je hoort de motoren in "
            "de hele wijk.\n\n"
            "Een vaste flitspaal zou hier echt helpen."
        ),
        "status": "rejected",
        "popularity": 17,
        "explanation": (
            "Over flitspalen beslissen de politie en het Openbaar Ministerie, niet "
            "de gemeente. Wij hebben uw melding doorgegeven en laten de weg "
            "opnieuw inrichten met een smallere rijbaan, zodat er langzamer wordt "
            "gereden."
        ),
        "comments": [
            {
                "body": "Jammer, maar een smallere weg is misschien zelfs beter.",
                "replies": [],
            },
            {
                "body": "Een trajectcontrole dan? Daar rijdt niemand omheen.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Scooters in het winkelcentrum",
        "body": (
            "In het winkelcentrum rijden regelmatig scooters tussen de mensen "
            "door, ook al mag dat niet. Voor ouderen en kinderen is dat "
            "gevaarlijk.\n\n"
            "Kunnen er paaltjes of borden komen, en af en toe een controle?"
        ),
        "status": "submitted",
        "popularity": 12,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Vooral bezorgers, die hebben haast. Een parkeerplek voor ze aan de "
                    "rand helpt misschien."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Een AED in elke wijk en een kaart met alle AED's",
        "body": (
            "Bij een hartstilstand telt elke minuut.\n\n"
            "In sommige wijken is de "
            "dichtstbijzijnde AED meer dan een kilometer weg. Zorg dat elke wijk "
            "er minstens één heeft, 24 uur per dag bereikbaar, en maak een kaart "
            "op de website."
        ),
        "status": "implemented",
        "popularity": 9,
        "explanation": (
            "Er hangt nu in elke wijk minstens één AED die dag en nacht "
            "bereikbaar is. Op https://www.voorbeeld.nl/aed ziet u alle plekken."
        ),
        "comments": [
            {
                "body": "Heel goed. Organiseer ook een reanimatiecursus in het wijkcentrum.",
                "replies": [
                    "Die is er volgens mij twee keer per jaar. Gratis zelfs.",
                ],
            },
        ],
    },
    {
        "theme": "veiligheid-en-leefbaarheid",
        "title": "Grofvuil gratis laten ophalen",
        "body": (
            "Voor het ophalen van grofvuil betaal je nu 35 euro. Daarom zetten "
            "sommige mensen hun oude bank gewoon bij de container neer.\n\n"
            "Als ophalen gratis is, of een paar keer per jaar gratis, blijft de "
            "straat schoner."
        ),
        "status": "rejected",
        "popularity": 12,
        "explanation": (
            "Gratis ophalen zou de afvalstoffenheffing voor iedereen verhogen. U "
            "kunt grofvuil wel gratis wegbrengen naar de milieustraat, en wij "
            "treden harder op tegen illegaal dumpen."
        ),
        "comments": [
            {
                "body": (
                    "Niet iedereen heeft een auto om naar de milieustraat te rijden. "
                    "Jammer dat hier geen oplossing voor komt."
                ),
                "replies": [],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Duurzaamheid en energie
    # ------------------------------------------------------------------
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Zonnepanelen op het dak van sporthal De Wieken",
        "body": (
            "Sporthal De Wieken heeft een groot plat dak in de zon, maar er ligt "
            "geen enkel zonnepaneel op. Dat is zonde.\n\n"
            "Met zonnepanelen bespaart de gemeente op de energierekening van de "
            "sporthal. Het overschot kan misschien naar een energiecoöperatie, "
            "zodat ook inwoners zonder eigen dak kunnen meedoen."
        ),
        "status": "already_planned",
        "popularity": 66,
        "explanation": (
            "Het dak van De Wieken wordt volgend jaar vernieuwd en krijgt dan "
            "ongeveer 400 zonnepanelen. Wij onderzoeken of inwoners via een "
            "coöperatie kunnen meedoen."
        ),
        "comments": [
            {
                "body": "Goed zo! Doe meteen ook het dak van het zwembad.",
                "replies": [
                    "En het gemeentehuis, daar is ook nog plek.",
                ],
            },
            {
                "body": (
                    "Ik zou graag meedoen via een coöperatie. Mijn eigen dak ligt op het noorden."
                ),
                "replies": [],
            },
            {
                "body": "Kan het dak dat gewicht wel hebben? Dat is een oud gebouw.",
                "replies": [
                    "Daarom wachten ze waarschijnlijk tot het dak vernieuwd is.",
                ],
            },
        ],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Hittestress in de Bloemenbuurt aanpakken",
        "body": (
            "Tijdens de hittegolf van vorige zomer werd het in onze huizen 's "
            "nachts niet koeler dan 28 graden. De Bloemenbuurt is helemaal "
            "versteend: smalle straten, veel tegels en bijna geen bomen.\n\n"
            "Vooral voor ouderen en mensen met een zwakke gezondheid is dit "
            "gevaarlijk.\n\n"
            "Ik vraag de gemeente om een plan voor meer bomen, minder stenen en "
            "koele plekken in de buurt, zoals een schaduwrijk pleintje met een "
            "watertappunt. De hittekaart op https://www.voorbeeld.nl/klimaat laat "
            "zien dat onze buurt een van de warmste is."
        ),
        "status": "submitted",
        "popularity": 20,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Heel herkenbaar. Mijn buurvrouw van 90 heeft vorige zomer twee "
                    "dagen in het ziekenhuis gelegen vanwege de hitte."
                ),
                "replies": [],
            },
            {
                "body": "Een watertappunt op het pleintje zou echt helpen.",
                "replies": [],
            },
            {
                "body": (
                    "Bewoners kunnen zelf ook iets doen: zonwering buiten in plaats "
                    "van binnen. Misschien kan de gemeente daar subsidie op geven?"
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Energiecoach ook voor huurders",
        "body": (
            "Huurders betalen vaak de hoogste energierekening, maar kunnen zelf "
            "weinig aan hun huis veranderen.\n\n"
            "Een energiecoach die langskomt en "
            "tips geeft over kleine maatregelen, zoals radiatorfolie en "
            "tochtstrips, zou veel mensen helpen."
        ),
        "status": "implemented",
        "popularity": 11,
        "explanation": (
            "Iedere inwoner, ook huurders, kan nu gratis een energiecoach "
            "aanvragen via https://www.voorbeeld.nl/energiecoach. De coach neemt "
            "ook kleine besparende producten mee."
        ),
        "comments": [
            {
                "body": (
                    "Ik heb er een gehad. Heel vriendelijk en ik bespaar nu zo'n 15 euro per maand."
                ),
                "replies": [],
            },
            {
                "body": "Kan de coach ook langskomen als je de taal nog niet zo goed spreekt?",
                "replies": [
                    (
                        "Bij ons kwam er een coach die ook Arabisch sprak. Vraag het gewoon "
                        "bij de aanvraag."
                    ),
                ],
            },
        ],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Een vaste plek voor het Repair Café",
        "body": (
            "Het Repair Café zwerft nu van locatie naar locatie. Vrijwilligers "
            "moeten elke keer al hun gereedschap meesjouwen.\n\n"
            "Een vaste ruimte, bijvoorbeeld in het wijkcentrum, maakt het veel "
            "makkelijker. Repareren is goed voor het milieu en voor de "
            "portemonnee."
        ),
        "status": "accepted",
        "popularity": 14,
        "explanation": (
            "Het Repair Café krijgt vanaf januari een vaste ruimte in het "
            "wijkcentrum, met een afsluitbare kast voor het gereedschap."
        ),
        "comments": [
            {
                "body": "Geweldig. Mijn broodrooster werkt weer dankzij deze vrijwilligers.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Windmolen van en voor de inwoners",
        "body": (
            "Als er een windmolen komt, laat die dan eigendom zijn van de inwoners "
            "via een energiecoöperatie. Dan gaat de opbrengst naar de gemeente "
            "en niet naar een groot bedrijf.\n\n"
            "Omwonenden moeten als eerste kunnen meedoen en een korting krijgen."
        ),
        "status": "submitted",
        "popularity": 9,
        "explanation": None,
        "comments": [
            {
                "body": (
                    "Een windmolen naast mijn huis wil ik niet, ook niet als ik er "
                    "aandelen in heb. Denk aan de slagschaduw en het geluid."
                ),
                "replies": [
                    "Dat begrijp ik. Daarom moet de afstand tot huizen goed geregeld zijn.",
                ],
            },
            {
                "body": "Lokaal eigendom is de enige manier waarop dit kan werken. Steun.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Korting op regentonnen",
        "body": (
            "Met een regenton vang je regenwater op voor de tuin. Het riool "
            "loopt minder snel over en je bespaart drinkwater.\n\n"
            "Geef inwoners een korting of subsidie bij aanschaf."
        ),
        "status": "submitted",
        "popularity": 10,
        "explanation": None,
        "comments": [],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Plastic apart inzamelen bij de flats",
        "body": (
            "Bij de eengezinswoningen wordt plastic apart opgehaald, maar bij de "
            "flats aan de Parklaan staat alleen een container voor restafval. Wij "
            "willen ook graag scheiden!\n\n"
            "Zet er een container voor plastic, blik en drinkpakken bij."
        ),
        "status": "submitted",
        "popularity": 12,
        "explanation": None,
        "comments": [
            {
                "body": "Ja! En voor gft ook graag, nu gaat alles bij het restafval.",
                "replies": [],
            },
            {
                "body": (
                    "Bij ons in de flat staat er wel een, maar die is altijd vol. "
                    "Vaker legen is dus ook nodig."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Bakfiets lenen in de wijk",
        "body": (
            "Voor een grote boodschap of een bezoek aan de milieustraat pak je nu "
            "snel de auto.\n\n"
            "Een deelbakfiets in elke wijk, die je met een app kunt "
            "reserveren, is een mooi alternatief."
        ),
        "status": "submitted",
        "popularity": 4,
        "explanation": None,
        "comments": [
            {
                "body": "Leuk, maar wie is er verantwoordelijk als hij kapot gaat?",
                "replies": [],
            },
        ],
    },
    {
        "theme": "duurzaamheid-en-energie",
        "title": "Gemeentelijke gebouwen 's nachts niet verlichten",
        "body": (
            "Het gemeentehuis en de bibliotheek zijn de hele nacht verlicht. "
            "Dat kost stroom en is slecht voor vogels en insecten.\n\n"
            "Doe na middernacht het licht uit."
        ),
        "status": "submitted",
        "popularity": 1,
        "explanation": None,
        "comments": [],
    },
    # ------------------------------------------------------------------
    # Vernieuwing Marktplein (2024) - closed consultation
    # ------------------------------------------------------------------
    {
        "theme": "vernieuwing-marktplein",
        "title": "Meer bomen en schaduw op het Marktplein",
        "body": (
            "Het Marktplein is nu één grote stenen vlakte. In de zomer is het er "
            "niet uit te houden en in de winter is het er kaal en koud.\n\n"
            "Bij de vernieuwing graag een rij grote bomen aan de zonkant en een "
            "paar plekken waar je in de schaduw kunt zitten. Dan wordt het plein "
            "weer een plek waar je graag bent, niet alleen op marktdag."
        ),
        "status": "accepted",
        "popularity": 84,
        "explanation": (
            "Dit was het meest gesteunde idee van de inspraakronde. In het "
            "definitieve ontwerp komen twaalf nieuwe bomen en zitplekken in de "
            "schaduw; zie https://www.voorbeeld.nl/marktplein."
        ),
        "comments": [
            {
                "body": "Ja, ja en nog eens ja.",
                "replies": [],
            },
            {
                "body": (
                    "Let op dat de marktkramen er nog tussen passen. De markt is het "
                    "hart van het plein."
                ),
                "replies": [
                    (
                        "In het ontwerp staan de bomen aan de rand, de marktkramen "
                        "blijven in het midden."
                    ),
                ],
            },
            {
                "body": "Geen bomen die kleverig sap laten vallen op de terrassen alsjeblieft!",
                "replies": [],
            },
            {
                "body": (
                    "Mooi dat er naar de inwoners geluisterd is. Ben benieuwd naar "
                    "het eindresultaat."
                ),
                "replies": [],
            },
        ],
    },
    {
        "theme": "vernieuwing-marktplein",
        "title": "Het Marktplein autovrij maken",
        "body": (
            "Nu rijden en parkeren er nog auto's op het plein. Dat is zonde van "
            "de ruimte en het is gevaarlijk voor voetgangers.\n\n"
            "Maak het plein autovrij, met uitzondering van laden en lossen in de "
            "ochtend. Er is genoeg parkeerruimte in de garage om de hoek."
        ),
        "status": "accepted",
        "popularity": 61,
        "explanation": (
            "Het plein wordt autovrij. Laden en lossen mag tot 11.00 uur, en "
            "mensen met een gehandicaptenparkeerkaart kunnen parkeren aan de "
            "rand van het plein."
        ),
        "comments": [
            {
                "body": (
                    "Als ondernemer ben ik bang dat klanten wegblijven. Niet iedereen "
                    "wil in een garage parkeren."
                ),
                "replies": [
                    "In andere steden zie je juist dat een autovrij plein meer bezoekers trekt.",
                    "Dat hoop ik dan maar. We zullen het zien.",
                ],
            },
            {
                "body": "Goed dat er aan gehandicaptenparkeren is gedacht.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "vernieuwing-marktplein",
        "title": "Waterspeelplek voor kinderen",
        "body": (
            "Fonteintjes in de grond waar kinderen in de zomer doorheen kunnen "
            "rennen.\n\n"
            "Het is gezellig, het verkoelt en het trekt gezinnen naar "
            "het centrum."
        ),
        "status": "accepted",
        "popularity": 48,
        "explanation": (
            "Er komt een waterspeelplek met fonteinen in de bestrating. In de "
            "winter staan de fonteinen uit en is het gewoon plein."
        ),
        "comments": [
            {
                "body": "Mijn kinderen gaan er elke zomerdag naartoe, dat weet ik nu al.",
                "replies": [],
            },
            {
                "body": "Is het water wel schoon? Graag goed controleren.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "vernieuwing-marktplein",
        "title": "Grotere terrassen op het plein",
        "body": (
            "De horeca aan het plein zou graag grotere terrassen hebben.\n\n"
            "Dat maakt het plein levendiger, ook 's avonds."
        ),
        "status": "rejected",
        "popularity": 11,
        "explanation": (
            "Veel inwoners vroegen juist om meer vrije ruimte zonder consumptie. "
            "De terrassen blijven daarom even groot als nu."
        ),
        "comments": [
            {
                "body": "Terecht besluit. Het plein is van iedereen.",
                "replies": [],
            },
            {
                "body": "Jammer voor de ondernemers, die hebben het al moeilijk genoeg.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "vernieuwing-marktplein",
        "title": "Een openbaar toilet in het centrum",
        "body": (
            "Er is in het hele centrum geen openbaar toilet. Voor ouderen, "
            "zwangere vrouwen, mensen met een darmziekte en ouders met kleine "
            "kinderen is dat een groot probleem. Je moet dan iets kopen in een "
            "café om naar de wc te mogen.\n\n"
            "Zorg bij de vernieuwing voor een schoon, toegankelijk toilet, ook "
            "voor mensen in een rolstoel."
        ),
        "status": "implemented",
        "popularity": 18,
        "explanation": (
            "Sinds de opening van het vernieuwde plein is er een gratis, "
            "rolstoeltoegankelijk toilet naast de fietsenstalling. Het is open "
            "van 8.00 tot 22.00 uur."
        ),
        "comments": [
            {
                "body": "Eindelijk! Dit had al veel eerder moeten gebeuren.",
                "replies": [],
            },
            {
                "body": "Het is netjes en wordt goed schoongehouden. Complimenten.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "vernieuwing-marktplein",
        "title": "Fietsenrekken aan de rand van het plein",
        "body": (
            "Als het plein autovrij wordt, komen er meer mensen op de fiets.\n\n"
            "Zet genoeg fietsenrekken aan de randen, dan staan de fietsen niet overal "
            "op het plein."
        ),
        "status": "implemented",
        "popularity": 12,
        "explanation": (
            "Er zijn 250 nieuwe fietsparkeerplekken gemaakt aan de noord- en "
            "oostkant van het plein."
        ),
        "comments": [],
    },
    {
        "theme": "vernieuwing-marktplein",
        "title": "Vast podium voor concerten en evenementen",
        "body": (
            "Een vast podium op het plein maakt het makkelijk om concerten, "
            "Koningsdag en andere evenementen te organiseren.\n\n"
            "Nu moet er elke keer een tijdelijk podium gehuurd worden."
        ),
        "status": "rejected",
        "popularity": 10,
        "explanation": (
            "Een vast podium neemt veel ruimte in op de dagen dat er niets te "
            "doen is. Wel komen er vaste aansluitingen voor stroom en water, "
            "zodat een tijdelijk podium makkelijker te plaatsen is."
        ),
        "comments": [
            {
                "body": "Dat klinkt als een verstandige tussenoplossing.",
                "replies": [],
            },
        ],
    },
    {
        "theme": "vernieuwing-marktplein",
        "title": "Bestrating die goed begaanbaar is met rolstoel en rollator",
        "body": (
            "Op het huidige plein liggen ronde keien. Met een rollator, rolstoel "
            "of kinderwagen is dat een ramp, en met hakken ook.\n\n"
            "Kies bij de vernieuwing voor vlakke bestrating, zonder hoge randen, "
            "en met geleidelijnen voor mensen die slecht zien."
        ),
        "status": "accepted",
        "popularity": 21,
        "explanation": (
            "Het nieuwe plein krijgt vlakke natuursteen zonder hoogteverschillen. "
            "Het ontwerp is getest door de werkgroep toegankelijkheid, ook voor "
            "blinden en slechtzienden."
        ),
        "comments": [
            {
                "body": "Dank u wel. Als rolstoelgebruiker kwam ik het plein bijna niet meer op.",
                "replies": [],
            },
            {
                "body": "Goed dat de werkgroep mocht meekijken. Zo hoort het.",
                "replies": [],
            },
        ],
    },
]

RESIDENTS = [
    "Fatima B.",
    "Joost van Dam",
    "Anouk",
    "Mehmet Y.",
    "Sanne de Vries",
    "Priya R.",
    "Kees",
    "Lotte M.",
    "Youssef El A.",
    "Ingrid van der Meer",
    "Daan K.",
    "Sevda",
    "Ruud B.",
    "Noor",
    "Wim Jansen",
    "Esther T.",
    "Gerrit",
    "Aisha K.",
    "Bram v.d. Berg",
    "Marloes",
    "Tomasz W.",
    "Henk en Riet",
    "Linda S.",
    "Jayden",
    "Mirjam de Groot",
    "Rachid",
    "Femke H.",
    "Kofi A.",
    "Ellen",
    "Ahmet D.",
    "Maria Santos",
    "Thijs",
    "Ilse van Leeuwen",
    "Jeroen P.",
    "Nadia",
    "Bas",
    "Dewi S.",
    "Hanneke",
]
