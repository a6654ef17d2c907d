"""Fictional demo content for the signposting pages, loaded by ``flask seed-demo``.

Everything here is made up for demonstration: the borough, the organisations, the addresses and
the services do not exist. Phone numbers are in Ofcom's drama ranges (020 7946 0xxx and 07700
900xxx); emails and websites are at example.org, example.com and example.net. The guides give
general information about England and Wales, not legal advice, and the translations await review
by native speakers before anything like them is published.
"""

LANGUAGES = ["en", "pl", "ro", "pa", "ur", "so", "ar"]

# --- topics --------------------------------------------------------------------------------------

TOPICS = [
    {
        "slug": "social-care",
        "texts": {
            "en": {
                "name": "Social care and child protection",
                "summary": (
                    "How children's social care works, and how it can help keep your child safe."
                ),
            },
            "pl": {
                "name": "Opieka społeczna i ochrona dzieci",
                "summary": (
                    "Jak działa opieka społeczna dla dzieci i jak może pomóc chronić Państwa "
                    "dziecko."
                ),
            },
            "ro": {
                "name": "Asistență socială și protecția copilului",
                "summary": (
                    "Cum funcționează serviciile sociale pentru copii și cum vă pot ajuta să vă "
                    "protejați copilul."
                ),
            },
            "pa": {
                "name": "ਸਮਾਜਿਕ ਦੇਖਭਾਲ ਅਤੇ ਬੱਚਿਆਂ ਦੀ ਸੁਰੱਖਿਆ",
                "summary": (
                    "ਬੱਚਿਆਂ ਦੀ ਸਮਾਜਿਕ ਦੇਖਭਾਲ ਕਿਵੇਂ ਕੰਮ ਕਰਦੀ ਹੈ, ਅਤੇ ਇਹ ਤੁਹਾਡੇ ਬੱਚੇ ਨੂੰ ਸੁਰੱਖਿਅਤ "
                    "ਰੱਖਣ ਵਿੱਚ ਕਿਵੇਂ ਮਦਦ ਕਰ ਸਕਦੀ ਹੈ।"
                ),
            },
            "ur": {
                "name": "سوشل کیئر اور بچوں کا تحفظ",
                "summary": (
                    "بچوں کی سوشل کیئر کیسے کام کرتی ہے، اور یہ آپ کے بچے کو محفوظ رکھنے میں کیسے "
                    "مدد کر سکتی ہے۔"
                ),
            },
            "so": {
                "name": "Daryeelka bulshada iyo ilaalinta carruurta",
                "summary": (
                    "Sida uu u shaqeeyo daryeelka bulshada ee carruurta, iyo sida uu kaaga caawin "
                    "karo ilaalinta ilmahaaga."
                ),
            },
            "ar": {
                "name": "الرعاية الاجتماعية وحماية الأطفال",
                "summary": (
                    "كيف تعمل الرعاية الاجتماعية للأطفال، وكيف يمكنها أن تساعد في حماية طفلك."
                ),
            },
        },
    },
    {
        "slug": "youth-justice",
        "texts": {
            "en": {
                "name": "Youth justice and court",
                "summary": (
                    "What happens when a child aged 10 to 17 gets into trouble with the law."
                ),
            },
            "pl": {
                "name": "Sprawy nieletnich i sąd",
                "summary": (
                    "Co się dzieje, gdy dziecko w wieku od 10 do 17 lat ma problemy z prawem."
                ),
            },
            "ro": {
                "name": "Justiția pentru minori și instanța",
                "summary": "Ce se întâmplă când un copil între 10 și 17 ani are probleme cu legea.",
            },
            "pa": {
                "name": "ਨੌਜਵਾਨਾਂ ਦੇ ਕਾਨੂੰਨੀ ਮਾਮਲੇ ਅਤੇ ਅਦਾਲਤ",
                "summary": (
                    "ਜਦੋਂ 10 ਤੋਂ 17 ਸਾਲ ਦਾ ਬੱਚਾ ਕਾਨੂੰਨ ਨਾਲ ਮੁਸ਼ਕਲ ਵਿੱਚ ਪੈ ਜਾਵੇ ਤਾਂ ਕੀ ਹੁੰਦਾ ਹੈ।"
                ),
            },
            "ur": {
                "name": "نوجوانوں کا نظامِ انصاف اور عدالت",
                "summary": "جب 10 سے 17 سال کا بچہ قانون کی مشکل میں پڑ جائے تو کیا ہوتا ہے۔",
            },
            "so": {
                "name": "Caddaaladda dhalinyarada iyo maxkamadda",
                "summary": (
                    "Waxa dhaca marka ilmo da'diisu u dhexeyso 10 ilaa 17 uu dhib kala kulmo "
                    "sharciga."
                ),
            },
            "ar": {
                "name": "قضاء الأحداث والمحكمة",
                "summary": "ما الذي يحدث عندما يواجه طفل عمره بين 10 و17 عامًا مشكلة مع القانون.",
            },
        },
    },
    {
        "slug": "police",
        "texts": {
            "en": {
                "name": "Police and stop and search",
                "summary": "Your child's rights when the police stop, search or question them.",
            },
            "pl": {
                "name": "Policja, zatrzymanie i przeszukanie",
                "summary": (
                    "Prawa Państwa dziecka, gdy policja je zatrzymuje, przeszukuje lub "
                    "przesłuchuje."
                ),
            },
            "ro": {
                "name": "Poliția, oprirea și percheziția",
                "summary": (
                    "Drepturile copilului dumneavoastră când poliția îl oprește, îl "
                    "percheziționează sau îi pune întrebări."
                ),
            },
            "pa": {
                "name": "ਪੁਲਿਸ ਅਤੇ ਰੋਕ ਕੇ ਤਲਾਸ਼ੀ",
                "summary": (
                    "ਜਦੋਂ ਪੁਲਿਸ ਤੁਹਾਡੇ ਬੱਚੇ ਨੂੰ ਰੋਕੇ, ਤਲਾਸ਼ੀ ਲਵੇ ਜਾਂ ਸਵਾਲ ਪੁੱਛੇ, ਤਾਂ ਉਸਦੇ ਅਧਿਕਾਰ।"
                ),
            },
            "ur": {
                "name": "پولیس اور روک کر تلاشی",
                "summary": "جب پولیس آپ کے بچے کو روکے، تلاشی لے یا سوال پوچھے تو اس کے حقوق۔",
            },
            "so": {
                "name": "Booliska iyo joojinta iyo baaritaanka",
                "summary": (
                    "Xuquuqda ilmahaaga marka booliisku joojiyo, baaro ama su'aalo weydiiyo."
                ),
            },
            "ar": {
                "name": "الشرطة والإيقاف والتفتيش",
                "summary": "حقوق طفلك عندما توقفه الشرطة أو تفتشه أو تطرح عليه أسئلة.",
            },
        },
    },
    {
        "slug": "school-exclusions",
        "texts": {
            "en": {
                "name": "School, exclusions and education",
                "summary": "Help with problems at school, suspensions and exclusions.",
            },
            "pl": {
                "name": "Szkoła, zawieszenie i usunięcie ze szkoły",
                "summary": "Pomoc przy problemach w szkole, zawieszeniu i usunięciu ze szkoły.",
            },
            "ro": {
                "name": "Școala, suspendări și exmatriculări",
                "summary": "Ajutor pentru problemele de la școală, suspendări și exmatriculări.",
            },
            "pa": {
                "name": "ਸਕੂਲ, ਸਕੂਲੋਂ ਕੱਢੇ ਜਾਣਾ ਅਤੇ ਸਿੱਖਿਆ",
                "summary": "ਸਕੂਲ ਦੀਆਂ ਮੁਸ਼ਕਲਾਂ, ਮੁਅੱਤਲੀ ਅਤੇ ਸਕੂਲੋਂ ਕੱਢੇ ਜਾਣ ਬਾਰੇ ਮਦਦ।",
            },
            "ur": {
                "name": "اسکول، اسکول سے اخراج اور تعلیم",
                "summary": "اسکول کے مسائل، معطلی اور اسکول سے نکالے جانے کے بارے میں مدد۔",
            },
            "so": {
                "name": "Dugsiga, ka saarista iyo waxbarashada",
                "summary": (
                    "Caawimaad ku saabsan dhibaatooyinka dugsiga, hakinta iyo ka saarista dugsiga."
                ),
            },
            "ar": {
                "name": "المدرسة والفصل والتعليم",
                "summary": "مساعدة في مشكلات المدرسة والإيقاف المؤقت والفصل من المدرسة.",
            },
        },
    },
    {
        "slug": "send",
        "texts": {
            "en": {
                "name": "SEND: special educational needs and disabilities",
                "summary": (
                    "Support for children who find learning harder, or who have a disability."
                ),
            },
            "pl": {
                "name": "SEND: specjalne potrzeby edukacyjne i niepełnosprawność",
                "summary": (
                    "Wsparcie dla dzieci, którym nauka przychodzi trudniej, oraz dzieci z "
                    "niepełnosprawnością."
                ),
            },
            "ro": {
                "name": "SEND: cerințe educaționale speciale și dizabilități",
                "summary": (
                    "Sprijin pentru copiii cărora le este mai greu să învețe sau care au o "
                    "dizabilitate."
                ),
            },
            "pa": {
                "name": "SEND: ਖ਼ਾਸ ਵਿੱਦਿਅਕ ਲੋੜਾਂ ਅਤੇ ਅਪਾਹਜਤਾ",
                "summary": (
                    "ਉਹਨਾਂ ਬੱਚਿਆਂ ਲਈ ਸਹਾਇਤਾ ਜਿਨ੍ਹਾਂ ਨੂੰ ਸਿੱਖਣ ਵਿੱਚ ਜ਼ਿਆਦਾ ਮੁਸ਼ਕਲ ਆਉਂਦੀ ਹੈ, ਜਾਂ "
                    "ਜਿਨ੍ਹਾਂ ਨੂੰ ਕੋਈ ਅਪਾਹਜਤਾ ਹੈ।"
                ),
            },
            "ur": {
                "name": "SEND: خصوصی تعلیمی ضروریات اور معذوری",
                "summary": (
                    "ان بچوں کے لیے مدد جنہیں سیکھنے میں زیادہ مشکل ہوتی ہے، یا جنہیں کوئی معذوری "
                    "ہے۔"
                ),
            },
            "so": {
                "name": "SEND: baahiyaha waxbarasho ee gaarka ah iyo naafonimada",
                "summary": (
                    "Taageero loogu talagalay carruurta ay waxbarashadu ku adag tahay, ama "
                    "naafonimo qaba."
                ),
            },
            "ar": {
                "name": "SEND: الاحتياجات التعليمية الخاصة والإعاقة",
                "summary": "دعم للأطفال الذين يجدون التعلّم أصعب، أو الذين لديهم إعاقة.",
            },
        },
    },
    {
        "slug": "mental-health",
        "texts": {
            "en": {
                "name": "Mental health and wellbeing",
                "summary": "Help when your child, or you, feel worried, low or stressed.",
            },
            "pl": {
                "name": "Zdrowie psychiczne i samopoczucie",
                "summary": (
                    "Pomoc, gdy Państwa dziecko albo Państwo czują niepokój, smutek lub stres."
                ),
            },
            "ro": {
                "name": "Sănătate mintală și stare de bine",
                "summary": (
                    "Ajutor atunci când copilul dumneavoastră sau dumneavoastră vă simțiți "
                    "îngrijorați, triști sau stresați."
                ),
            },
            "pa": {
                "name": "ਮਾਨਸਿਕ ਸਿਹਤ ਅਤੇ ਤੰਦਰੁਸਤੀ",
                "summary": "ਮਦਦ, ਜਦੋਂ ਤੁਹਾਡਾ ਬੱਚਾ ਜਾਂ ਤੁਸੀਂ ਚਿੰਤਤ, ਉਦਾਸ ਜਾਂ ਤਣਾਅ ਵਿੱਚ ਮਹਿਸੂਸ ਕਰੋ।",
            },
            "ur": {
                "name": "ذہنی صحت اور تندرستی",
                "summary": "جب آپ کا بچہ یا آپ خود پریشان، اداس یا ذہنی دباؤ میں ہوں تو مدد۔",
            },
            "so": {
                "name": "Caafimaadka maskaxda iyo ladnaanta",
                "summary": (
                    "Caawimaad marka ilmahaaga, ama adiga, aad dareentaan walaac, murug ama "
                    "cadaadis."
                ),
            },
            "ar": {
                "name": "الصحة النفسية والعافية",
                "summary": "مساعدة عندما يشعر طفلك، أو تشعر أنت، بالقلق أو الحزن أو الضغط.",
            },
        },
    },
    {
        "slug": "drugs-alcohol",
        "texts": {
            "en": {
                "name": "Drugs and alcohol",
                "summary": (
                    "Confidential help for young people and families affected by drugs or alcohol."
                ),
            },
            "pl": {
                "name": "Narkotyki i alkohol",
                "summary": (
                    "Poufna pomoc dla młodzieży i rodzin, które mają problem z narkotykami lub "
                    "alkoholem."
                ),
            },
            "ro": {
                "name": "Droguri și alcool",
                "summary": (
                    "Ajutor confidențial pentru tinerii și familiile afectate de droguri sau "
                    "alcool."
                ),
            },
            "pa": {
                "name": "ਨਸ਼ੇ ਅਤੇ ਸ਼ਰਾਬ",
                "summary": "ਨਸ਼ਿਆਂ ਜਾਂ ਸ਼ਰਾਬ ਤੋਂ ਪ੍ਰਭਾਵਿਤ ਨੌਜਵਾਨਾਂ ਅਤੇ ਪਰਿਵਾਰਾਂ ਲਈ ਗੁਪਤ ਮਦਦ।",
            },
            "ur": {
                "name": "منشیات اور شراب",
                "summary": "منشیات یا شراب سے متاثر نوجوانوں اور خاندانوں کے لیے رازدارانہ مدد۔",
            },
            "so": {
                "name": "Daroogada iyo khamriga",
                "summary": (
                    "Caawimaad qarsoodi ah oo loogu talagalay dhalinyarada iyo qoysaska ay "
                    "saameeyeen daroogada ama khamrigu."
                ),
            },
            "ar": {
                "name": "المخدرات والكحول",
                "summary": "مساعدة سرية للشباب والأسر المتأثرين بالمخدرات أو الكحول.",
            },
        },
    },
    {
        "slug": "exploitation",
        "texts": {
            "en": {
                "name": "Exploitation and serious violence",
                "summary": (
                    "Help if you worry that your child is being groomed, used to sell drugs or is "
                    "at risk of violence."
                ),
            },
            "pl": {
                "name": "Wykorzystywanie i poważna przemoc",
                "summary": (
                    "Pomoc, jeśli obawiają się Państwo, że ktoś manipuluje dzieckiem, wykorzystuje "
                    "je do sprzedaży narkotyków albo że grozi mu przemoc."
                ),
            },
            "ro": {
                "name": "Exploatare și violență gravă",
                "summary": (
                    "Ajutor dacă vă temeți că cineva vă manipulează copilul, îl folosește pentru a "
                    "vinde droguri sau că acesta este în pericol de violență."
                ),
            },
            "pa": {
                "name": "ਸ਼ੋਸ਼ਣ ਅਤੇ ਗੰਭੀਰ ਹਿੰਸਾ",
                "summary": (
                    "ਮਦਦ, ਜੇ ਤੁਹਾਨੂੰ ਚਿੰਤਾ ਹੈ ਕਿ ਕੋਈ ਤੁਹਾਡੇ ਬੱਚੇ ਨੂੰ ਫੁਸਲਾ ਰਿਹਾ ਹੈ, ਨਸ਼ੇ ਵੇਚਣ ਲਈ "
                    "ਵਰਤ ਰਿਹਾ ਹੈ, ਜਾਂ ਬੱਚੇ ਨੂੰ ਹਿੰਸਾ ਦਾ ਖ਼ਤਰਾ ਹੈ।"
                ),
            },
            "ur": {
                "name": "استحصال اور سنگین تشدد",
                "summary": (
                    "اگر آپ کو فکر ہے کہ کوئی آپ کے بچے کو ورغلا رہا ہے، اسے منشیات بیچنے کے لیے "
                    "استعمال کر رہا ہے، یا اسے تشدد کا خطرہ ہے تو مدد۔"
                ),
            },
            "so": {
                "name": "Ka faa'iidaysiga iyo rabshadaha halista ah",
                "summary": (
                    "Caawimaad haddii aad ka walwalsan tahay in ilmahaaga la sasabayo, loo "
                    "adeegsanayo iibinta daroogada, ama uu halis ugu jiro rabshad."
                ),
            },
            "ar": {
                "name": "الاستغلال والعنف الخطير",
                "summary": (
                    "مساعدة إذا كنت تخشى أن يكون طفلك ضحية استدراج، أو يُستغل لبيع المخدرات، أو "
                    "معرضًا لخطر العنف."
                ),
            },
        },
    },
    {
        "slug": "housing",
        "texts": {
            "en": {
                "name": "Housing",
                "summary": (
                    "Advice if you are homeless, could lose your home or live somewhere unsafe."
                ),
            },
            "pl": {
                "name": "Mieszkanie",
                "summary": (
                    "Porady, jeśli nie mają Państwo gdzie mieszkać, mogą stracić mieszkanie lub "
                    "mieszkają w niebezpiecznym miejscu."
                ),
            },
            "ro": {
                "name": "Locuință",
                "summary": (
                    "Sfaturi dacă nu aveți unde locui, riscați să vă pierdeți locuința sau locuiți "
                    "într-un loc nesigur."
                ),
            },
            "pa": {
                "name": "ਰਿਹਾਇਸ਼",
                "summary": (
                    "ਸਲਾਹ, ਜੇ ਤੁਸੀਂ ਬੇਘਰ ਹੋ, ਤੁਹਾਡਾ ਘਰ ਖੁੱਸ ਸਕਦਾ ਹੈ, ਜਾਂ ਤੁਸੀਂ ਕਿਸੇ ਅਸੁਰੱਖਿਅਤ ਥਾਂ "
                    "ਰਹਿ ਰਹੇ ਹੋ।"
                ),
            },
            "ur": {
                "name": "رہائش",
                "summary": (
                    "اگر آپ بے گھر ہیں، آپ کا گھر چھن سکتا ہے، یا آپ کسی غیر محفوظ جگہ رہ رہے ہیں "
                    "تو مشورہ۔"
                ),
            },
            "so": {
                "name": "Hoyga",
                "summary": (
                    "Talo haddii aadan hoy lahayn, aad waayi karto gurigaaga, ama aad ku nooshahay "
                    "meel aan ammaan ahayn."
                ),
            },
            "ar": {
                "name": "السكن",
                "summary": "نصائح إذا كنت بلا مأوى، أو قد تفقد منزلك، أو تعيش في مكان غير آمن.",
            },
        },
    },
    {
        "slug": "money-benefits",
        "texts": {
            "en": {
                "name": "Money and benefits",
                "summary": "Help with benefits, debts, bills and free school meals.",
            },
            "pl": {
                "name": "Pieniądze i zasiłki",
                "summary": (
                    "Pomoc w sprawie zasiłków, długów, rachunków i bezpłatnych posiłków w szkole."
                ),
            },
            "ro": {
                "name": "Bani și ajutoare sociale",
                "summary": (
                    "Ajutor cu ajutoarele sociale, datoriile, facturile și mesele gratuite la "
                    "școală."
                ),
            },
            "pa": {
                "name": "ਪੈਸਾ ਅਤੇ ਸਰਕਾਰੀ ਭੱਤੇ",
                "summary": "ਭੱਤਿਆਂ, ਕਰਜ਼ਿਆਂ, ਬਿੱਲਾਂ ਅਤੇ ਸਕੂਲ ਦੇ ਮੁਫ਼ਤ ਖਾਣੇ ਬਾਰੇ ਮਦਦ।",
            },
            "ur": {
                "name": "پیسے اور سرکاری امداد",
                "summary": (
                    "سرکاری امداد (بینیفٹس)، قرضوں، بلوں اور اسکول کے مفت کھانے کے بارے میں مدد۔"
                ),
            },
            "so": {
                "name": "Lacagta iyo gargaarka dowladda",
                "summary": (
                    "Caawimaad ku saabsan gargaarka dowladda, deymaha, biilasha iyo cuntada "
                    "bilaashka ah ee dugsiga."
                ),
            },
            "ar": {
                "name": "المال والإعانات",
                "summary": "مساعدة في الإعانات الحكومية والديون والفواتير ووجبات المدرسة المجانية.",
            },
        },
    },
    {
        "slug": "domestic-abuse",
        "texts": {
            "en": {
                "name": "Domestic abuse",
                "summary": (
                    "Safe, confidential support if someone at home hurts, controls or frightens "
                    "you."
                ),
            },
            "pl": {
                "name": "Przemoc domowa",
                "summary": (
                    "Bezpieczne i poufne wsparcie, jeśli ktoś w domu Państwa krzywdzi, kontroluje "
                    "lub zastrasza."
                ),
            },
            "ro": {
                "name": "Violență domestică",
                "summary": (
                    "Sprijin sigur și confidențial dacă cineva din casă vă rănește, vă controlează "
                    "sau vă sperie."
                ),
            },
            "pa": {
                "name": "ਘਰੇਲੂ ਹਿੰਸਾ",
                "summary": (
                    "ਸੁਰੱਖਿਅਤ ਅਤੇ ਗੁਪਤ ਸਹਾਇਤਾ, ਜੇ ਘਰ ਵਿੱਚ ਕੋਈ ਤੁਹਾਨੂੰ ਨੁਕਸਾਨ ਪਹੁੰਚਾਉਂਦਾ ਹੈ, ਕਾਬੂ "
                    "ਵਿੱਚ ਰੱਖਦਾ ਹੈ ਜਾਂ ਡਰਾਉਂਦਾ ਹੈ।"
                ),
            },
            "ur": {
                "name": "گھریلو زیادتی",
                "summary": (
                    "اگر گھر میں کوئی آپ کو تکلیف پہنچاتا ہے، آپ کو قابو میں رکھتا ہے یا ڈراتا ہے "
                    "تو محفوظ اور رازدارانہ مدد۔"
                ),
            },
            "so": {
                "name": "Xadgudubka qoyska",
                "summary": (
                    "Taageero ammaan ah oo qarsoodi ah haddii qof guriga jooga uu ku dhibaateeyo, "
                    "ku xakameeyo ama ku cabsiiyo."
                ),
            },
            "ar": {
                "name": "العنف الأسري",
                "summary": "دعم آمن وسري إذا كان شخص في المنزل يؤذيك أو يتحكم بك أو يخيفك.",
            },
        },
    },
    {
        "slug": "parenting",
        "texts": {
            "en": {
                "name": "Parenting support",
                "summary": "Courses, groups and someone to talk to about being a parent.",
            },
            "pl": {
                "name": "Wsparcie dla rodziców",
                "summary": "Kursy, grupy i ktoś, z kim można porozmawiać o byciu rodzicem.",
            },
            "ro": {
                "name": "Sprijin pentru părinți",
                "summary": "Cursuri, grupuri și cineva cu care să vorbiți despre rolul de părinte.",
            },
            "pa": {
                "name": "ਮਾਪਿਆਂ ਲਈ ਸਹਾਇਤਾ",
                "summary": "ਕੋਰਸ, ਗਰੁੱਪ, ਅਤੇ ਕੋਈ ਜਿਸ ਨਾਲ ਤੁਸੀਂ ਮਾਪੇ ਹੋਣ ਬਾਰੇ ਗੱਲ ਕਰ ਸਕੋ।",
            },
            "ur": {
                "name": "والدین کے لیے مدد",
                "summary": "کورسز، گروپس، اور کوئی جس سے آپ والدین ہونے کے بارے میں بات کر سکیں۔",
            },
            "so": {
                "name": "Taageerada waalidnimada",
                "summary": "Koorsooyin, kooxo iyo qof aad kala hadli karto waalidnimada.",
            },
            "ar": {
                "name": "دعم الوالدين",
                "summary": "دورات ومجموعات وشخص تتحدث معه عن تربية الأبناء.",
            },
        },
    },
    {
        "slug": "activities",
        "texts": {
            "en": {
                "name": "Activities for young people",
                "summary": (
                    "Clubs, sport, music and safe places to go after school and in the holidays."
                ),
            },
            "pl": {
                "name": "Zajęcia dla młodzieży",
                "summary": (
                    "Kluby, sport, muzyka i bezpieczne miejsca po szkole i w czasie wakacji."
                ),
            },
            "ro": {
                "name": "Activități pentru tineri",
                "summary": (
                    "Cluburi, sport, muzică și locuri sigure unde să meargă după școală și în "
                    "vacanțe."
                ),
            },
            "pa": {
                "name": "ਨੌਜਵਾਨਾਂ ਲਈ ਗਤੀਵਿਧੀਆਂ",
                "summary": (
                    "ਸਕੂਲ ਤੋਂ ਬਾਅਦ ਅਤੇ ਛੁੱਟੀਆਂ ਵਿੱਚ ਜਾਣ ਲਈ ਕਲੱਬ, ਖੇਡਾਂ, ਸੰਗੀਤ ਅਤੇ ਸੁਰੱਖਿਅਤ ਥਾਵਾਂ।"
                ),
            },
            "ur": {
                "name": "نوجوانوں کے لیے سرگرمیاں",
                "summary": (
                    "اسکول کے بعد اور چھٹیوں میں جانے کے لیے کلب، کھیل، موسیقی اور محفوظ جگہیں۔"
                ),
            },
            "so": {
                "name": "Hawlaha dhalinyarada",
                "summary": (
                    "Naadiyo, ciyaaro, muusig iyo meelo ammaan ah oo la aado dugsiga kadib iyo "
                    "fasaxyada."
                ),
            },
            "ar": {
                "name": "أنشطة للشباب",
                "summary": "نوادٍ ورياضة وموسيقى وأماكن آمنة يذهبون إليها بعد المدرسة وفي العطلات.",
            },
        },
    },
]

# --- glossary ------------------------------------------------------------------------------------

GLOSSARY = [
    {
        "slug": "appropriate-adult",
        "texts": {
            "en": {
                "term": "appropriate adult",
                "aliases": "",
                "definition": (
                    "An adult who must be with a child under 18 at the police station, to support "
                    "them and make sure they are treated fairly. It can be a parent, a carer, a "
                    "social worker or a trained volunteer, but it is not the same as a lawyer."
                ),
            },
            "ar": {
                "term": "الشخص البالغ المناسب",
                "aliases": "appropriate adult",
                "definition": (
                    "شخص بالغ يجب أن يكون مع الطفل الذي عمره أقل من 18 عامًا في مركز الشرطة، "
                    "ليدعمه ويتأكد من أنه يُعامل بعدل. قد يكون أحد الوالدين أو مقدّم رعاية أو "
                    "أخصائيًا اجتماعيًا أو متطوعًا مدرَّبًا، لكنه ليس محاميًا."
                ),
            },
            "pl": {
                "term": "odpowiednia osoba dorosła",
                "aliases": "appropriate adult",
                "definition": (
                    "Osoba dorosła, która musi być z dzieckiem poniżej 18 lat na komisariacie, aby "
                    "je wspierać i dopilnować, że jest traktowane uczciwie. Może to być rodzic, "
                    "opiekun, pracownik socjalny lub przeszkolony wolontariusz, ale nie jest to "
                    "prawnik."
                ),
            },
        },
    },
    {
        "slug": "child-in-need",
        "texts": {
            "en": {
                "term": "child in need",
                "aliases": "CIN",
                "definition": (
                    "In England, a child who needs extra help from children's social care to be "
                    "healthy and to develop well, or a child who is disabled. You and the social "
                    "worker agree a child in need plan together."
                ),
            },
            "ar": {
                "term": "طفل بحاجة إلى دعم",
                "aliases": "child in need\nCIN",
                "definition": (
                    "في إنجلترا، طفل يحتاج إلى مساعدة إضافية من الرعاية الاجتماعية للأطفال كي يكون "
                    "بصحة جيدة وينمو بشكل سليم، أو طفل لديه إعاقة. تتفق أنت والأخصائي الاجتماعي "
                    "معًا على خطة لدعمه."
                ),
            },
            "pl": {
                "term": "dziecko w potrzebie",
                "aliases": "child in need\nCIN",
                "definition": (
                    "W Anglii dziecko, które potrzebuje dodatkowej pomocy od opieki społecznej, "
                    "aby być zdrowe i dobrze się rozwijać, albo dziecko z niepełnosprawnością. "
                    "Państwo i pracownik socjalny wspólnie ustalają plan pomocy."
                ),
            },
        },
    },
    {
        "slug": "child-protection-conference",
        "texts": {
            "en": {
                "term": "child protection conference",
                "aliases": "case conference\nICPC",
                "definition": (
                    "A meeting where you and the professionals who know your child talk about your "
                    "child's safety. The professionals then decide if your child needs a child "
                    "protection plan. You are invited, and you can bring someone to support you."
                ),
            },
            "ar": {
                "term": "مؤتمر حماية الطفل",
                "aliases": "child protection conference\nICPC",
                "definition": (
                    "اجتماع تتحدث فيه أنت والمختصون الذين يعرفون طفلك عن سلامته. بعد ذلك يقرر "
                    "المختصون إن كان طفلك يحتاج إلى خطة لحمايته. أنت مدعو إلى الاجتماع، ويمكنك أن "
                    "تُحضر معك شخصًا يدعمك."
                ),
            },
            "pl": {
                "term": "konferencja w sprawie ochrony dziecka",
                "aliases": "child protection conference\nICPC",
                "definition": (
                    "Spotkanie, na którym Państwo i specjaliści znający dziecko rozmawiają o jego "
                    "bezpieczeństwie. Potem specjaliści decydują, czy dziecko potrzebuje planu "
                    "ochrony. Są Państwo zaproszeni i mogą przyprowadzić osobę, która Państwa "
                    "wesprze."
                ),
            },
        },
    },
    {
        "slug": "child-protection-plan",
        "texts": {
            "en": {
                "term": "child protection plan",
                "aliases": "CP plan",
                "definition": (
                    "A plan made at a child protection conference. It says what needs to change to "
                    "keep your child safe, and who will do what, including you. A small group "
                    "called the core group meets often to check how it is going."
                ),
            },
            "ar": {
                "term": "خطة حماية الطفل",
                "aliases": "child protection plan",
                "definition": (
                    "خطة توضع في مؤتمر حماية الطفل. تبيّن ما الذي يجب أن يتغير ليبقى طفلك آمنًا، "
                    "ومن سيفعل ماذا، بما في ذلك أنت. تجتمع مجموعة صغيرة تسمى المجموعة الأساسية "
                    "بانتظام لمتابعة سير الخطة."
                ),
            },
            "pl": {
                "term": "plan ochrony dziecka",
                "aliases": "child protection plan",
                "definition": (
                    "Plan ustalony na konferencji w sprawie ochrony dziecka. Mówi, co musi się "
                    "zmienić, aby dziecko było bezpieczne, i kto co zrobi, także Państwo. Mała "
                    "grupa, zwana grupą główną (core group), często się spotyka, aby sprawdzić, "
                    "jak to działa."
                ),
            },
        },
    },
    {
        "slug": "early-help",
        "texts": {
            "en": {
                "term": "early help",
                "aliases": "",
                "definition": (
                    "Support for a family as soon as a problem starts, so that it does not get "
                    "bigger. It is your choice to take it. A worker helps you make a plan with the "
                    "services you need."
                ),
            },
            "ar": {
                "term": "المساعدة المبكرة",
                "aliases": "early help",
                "definition": (
                    "دعم للأسرة منذ بداية المشكلة، حتى لا تكبر. القرار لك في قبوله. يساعدك موظف "
                    "على وضع خطة مع الخدمات التي تحتاجها."
                ),
            },
            "pl": {
                "term": "wczesna pomoc",
                "aliases": "early help",
                "definition": (
                    "Wsparcie dla rodziny od samego początku problemu, aby nie urósł. To Państwa "
                    "decyzja, czy z niego skorzystać. Pracownik pomaga ułożyć plan z usługami, "
                    "których Państwo potrzebują."
                ),
            },
        },
    },
    {
        "slug": "ehc-plan",
        "texts": {
            "en": {
                "term": "Education, Health and Care plan",
                "aliases": "EHC plan\nEHCP",
                "definition": (
                    "In England, a legal document for a child or young person up to 25 with "
                    "special educational needs who needs more help than a school can usually give. "
                    "It sets out their needs and the support they must get, and the council must "
                    "make sure they get it."
                ),
            },
            "ar": {
                "term": "خطة التعليم والصحة والرعاية",
                "aliases": "EHC plan\nEHCP",
                "definition": (
                    "في إنجلترا، وثيقة قانونية لطفل أو شاب حتى سن 25 لديه احتياجات تعليمية خاصة، "
                    "ويحتاج إلى مساعدة أكثر مما تقدّمه المدرسة عادةً. تحدد احتياجاته والدعم الذي "
                    "يجب أن يحصل عليه، والمجلس المحلي مسؤول عن ضمان حصوله عليه."
                ),
            },
            "pl": {
                "term": "plan edukacji, zdrowia i opieki",
                "aliases": "EHC plan\nEHCP",
                "definition": (
                    "W Anglii dokument prawny dla dziecka lub młodej osoby do 25. roku życia ze "
                    "specjalnymi potrzebami edukacyjnymi, która potrzebuje więcej pomocy, niż "
                    "szkoła zwykle może dać. Opisuje potrzeby i wsparcie, które musi otrzymać, a "
                    "urząd gminy (council) musi tego dopilnować."
                ),
            },
        },
    },
    {
        "slug": "out-of-court-disposal",
        "texts": {
            "en": {
                "term": "out-of-court disposal",
                "aliases": "out of court disposal\nOOCD",
                "definition": (
                    "A way for the police to deal with a crime without going to court, such as a "
                    "community resolution, a youth caution or a youth conditional caution. It is "
                    "not a conviction, but the police keep a record of it."
                ),
            },
            "ar": {
                "term": "إجراء خارج المحكمة",
                "aliases": "out-of-court disposal\nOOCD",
                "definition": (
                    "طريقة تتعامل بها الشرطة مع جريمة دون الذهاب إلى المحكمة، مثل الحل المجتمعي أو "
                    "الإنذار الرسمي للأحداث أو الإنذار المشروط للأحداث. ليس إدانة، لكن الشرطة "
                    "تحتفظ بسجل له."
                ),
            },
            "pl": {
                "term": "rozstrzygnięcie pozasądowe",
                "aliases": "out-of-court disposal\nOOCD",
                "definition": (
                    "Sposób, w jaki policja załatwia sprawę przestępstwa bez sądu, na przykład "
                    "rozwiązanie społeczne (community resolution), pouczenie dla nieletnich (youth "
                    "caution) lub pouczenie warunkowe. Nie jest to wyrok skazujący, ale policja "
                    "zachowuje o tym zapis."
                ),
            },
        },
    },
    {
        "slug": "permanent-exclusion",
        "texts": {
            "en": {
                "term": "permanent exclusion",
                "aliases": "permanently excluded\nexpelled",
                "definition": (
                    "When a headteacher decides that a child can no longer go to their school. It "
                    "should only be a last resort. The school governors must look at the decision, "
                    "and the council must arrange full-time education from the sixth school day."
                ),
            },
            "ar": {
                "term": "الفصل النهائي من المدرسة",
                "aliases": "permanent exclusion",
                "definition": (
                    "عندما يقرر مدير المدرسة أن الطفل لم يعد يستطيع الذهاب إلى مدرسته. يجب ألا "
                    "يُستخدم إلا كحل أخير. يجب أن ينظر مجلس أمناء المدرسة في القرار، وعلى المجلس "
                    "المحلي أن يوفّر تعليمًا بدوام كامل بدءًا من اليوم الدراسي السادس."
                ),
            },
            "pl": {
                "term": "trwałe usunięcie ze szkoły",
                "aliases": "permanent exclusion",
                "definition": (
                    "Gdy dyrektor szkoły decyduje, że dziecko nie może już chodzić do tej szkoły. "
                    "Powinno to być ostatecznością. Rada szkoły (governors) musi rozpatrzyć "
                    "decyzję, a urząd gminy musi zapewnić naukę w pełnym wymiarze od szóstego dnia "
                    "szkolnego."
                ),
            },
        },
    },
    {
        "slug": "pre-sentence-report",
        "texts": {
            "en": {
                "term": "pre-sentence report",
                "aliases": "PSR",
                "definition": (
                    "A report the youth offending team writes for the court before it decides on a "
                    "sentence. The writer talks to your child and to you first. The report "
                    "explains your child's life and needs, and suggests the sentence the writer "
                    "thinks would help most."
                ),
            },
            "ar": {
                "term": "تقرير ما قبل الحكم",
                "aliases": "pre-sentence report\nPSR",
                "definition": (
                    "تقرير يكتبه فريق عدالة الأحداث للمحكمة قبل أن تقرر الحكم. يتحدث كاتب التقرير "
                    "أولًا مع طفلك ومعك. يشرح التقرير حياة طفلك واحتياجاته، ويقترح الحكم الذي يرى "
                    "الكاتب أنه الأنفع."
                ),
            },
            "pl": {
                "term": "raport przedwyrokowy",
                "aliases": "pre-sentence report\nPSR",
                "definition": (
                    "Raport, który zespół ds. nieletnich (youth offending team) pisze dla sądu, "
                    "zanim sąd zdecyduje o wyroku. Autor najpierw rozmawia z dzieckiem i z "
                    "Państwem. Raport opisuje życie i potrzeby dziecka oraz proponuje karę, która "
                    "według autora najbardziej pomoże."
                ),
            },
        },
    },
    {
        "slug": "referral-order",
        "texts": {
            "en": {
                "term": "referral order",
                "aliases": "",
                "definition": (
                    "A sentence the youth court often gives to a child who pleads guilty for the "
                    "first time. Your child meets a panel of trained local volunteers and a youth "
                    "offending team worker, and agrees a plan, called a contract, that lasts 3 to "
                    "12 months."
                ),
            },
            "ar": {
                "term": "أمر الإحالة",
                "aliases": "referral order",
                "definition": (
                    "حكم تصدره محكمة الأحداث غالبًا عندما يعترف الطفل بالذنب لأول مرة. يلتقي طفلك "
                    "بلجنة من متطوعين محليين مدرَّبين وموظف من فريق عدالة الأحداث، ويتفقون على خطة "
                    "تسمى عقدًا، مدتها من 3 إلى 12 شهرًا."
                ),
            },
            "pl": {
                "term": "nakaz skierowania",
                "aliases": "referral order",
                "definition": (
                    "Wyrok, który sąd dla nieletnich często wydaje, gdy dziecko po raz pierwszy "
                    "przyznaje się do winy. Dziecko spotyka się z panelem przeszkolonych "
                    "wolontariuszy z okolicy i pracownikiem zespołu ds. nieletnich, i uzgadnia "
                    "plan, zwany umową, na 3 do 12 miesięcy."
                ),
            },
        },
    },
    {
        "slug": "remand",
        "texts": {
            "en": {
                "term": "remand",
                "aliases": "remanded",
                "definition": (
                    "What the court decides about where a child stays while they wait for the next "
                    "court date. They may go home on bail, sometimes with conditions, or be "
                    "remanded to council accommodation or to youth detention."
                ),
            },
            "ar": {
                "term": "قرار الإيداع حتى المحاكمة",
                "aliases": "remand",
                "definition": (
                    "ما تقرره المحكمة بشأن مكان بقاء الطفل أثناء انتظار موعد المحكمة التالي. قد "
                    "يعود إلى البيت بكفالة، أحيانًا مع شروط، أو يُودَع في سكن يوفره المجلس المحلي "
                    "أو في مركز احتجاز للأحداث."
                ),
            },
            "pl": {
                "term": "środek tymczasowy do czasu rozprawy",
                "aliases": "remand",
                "definition": (
                    "Decyzja sądu o tym, gdzie dziecko przebywa w oczekiwaniu na następną "
                    "rozprawę. Może wrócić do domu za poręczeniem (bail), czasem z warunkami, albo "
                    "zostać umieszczone w zakwaterowaniu zapewnionym przez gminę lub w ośrodku dla "
                    "nieletnich."
                ),
            },
        },
    },
    {
        "slug": "section-47-enquiry",
        "texts": {
            "en": {
                "term": "Section 47 enquiry",
                "aliases": "Section 47\nS47\nchild protection enquiry",
                "definition": (
                    "When children's social care has reason to think that a child is suffering, or "
                    "is likely to suffer, serious harm, it must find out more. A social worker "
                    "talks to the child, the family and others, sometimes together with the police."
                ),
            },
            "ar": {
                "term": "تحقيق المادة 47",
                "aliases": "Section 47 enquiry\nS47",
                "definition": (
                    "عندما يكون لدى الرعاية الاجتماعية للأطفال سبب للاعتقاد بأن طفلًا يتعرض لأذى "
                    "كبير، أو من المرجح أن يتعرض له، يجب عليها أن تتحقق من الأمر. يتحدث أخصائي "
                    "اجتماعي مع الطفل والأسرة وأشخاص آخرين، وأحيانًا بالتعاون مع الشرطة."
                ),
            },
            "pl": {
                "term": "postępowanie wyjaśniające z sekcji 47",
                "aliases": "Section 47 enquiry\nS47",
                "definition": (
                    "Gdy opieka społeczna ma powody sądzić, że dziecko doznaje poważnej krzywdy "
                    "lub prawdopodobnie jej dozna, musi to sprawdzić. Pracownik socjalny rozmawia "
                    "z dzieckiem, rodziną i innymi osobami, czasem razem z policją."
                ),
            },
        },
    },
    {
        "slug": "stop-and-search",
        "texts": {
            "en": {
                "term": "stop and search",
                "aliases": "stop-and-search\nstopped and searched",
                "definition": (
                    "When a police officer stops someone in a public place and searches them, "
                    "their clothes or their bag. The officer usually needs a good reason to "
                    "suspect they are carrying something illegal, such as drugs or a weapon, and "
                    "must explain why."
                ),
            },
            "ar": {
                "term": "الإيقاف والتفتيش",
                "aliases": "stop and search",
                "definition": (
                    "عندما يوقف شرطي شخصًا في مكان عام ويفتشه أو يفتش ملابسه أو حقيبته. يحتاج "
                    "الشرطي عادةً إلى سبب وجيه للاشتباه في أنه يحمل شيئًا ممنوعًا، مثل المخدرات أو "
                    "سلاح، ويجب أن يشرح السبب."
                ),
            },
            "pl": {
                "term": "zatrzymanie i przeszukanie",
                "aliases": "stop and search",
                "definition": (
                    "Gdy policjant zatrzymuje kogoś w miejscu publicznym i przeszukuje tę osobę, "
                    "jej ubranie lub torbę. Policjant zwykle musi mieć dobry powód, by "
                    "podejrzewać, że osoba ma przy sobie coś nielegalnego, na przykład narkotyki "
                    "lub broń, i musi wyjaśnić dlaczego."
                ),
            },
        },
    },
    {
        "slug": "suspension",
        "texts": {
            "en": {
                "term": "suspension",
                "aliases": "suspended\nfixed-term exclusion",
                "definition": (
                    "When a headteacher tells a child to stay away from school for a set number of "
                    "days. A child can be suspended for up to 45 school days in one school year."
                ),
            },
            "ar": {
                "term": "الإيقاف المؤقت عن المدرسة",
                "aliases": "suspension\nfixed-term exclusion",
                "definition": (
                    "عندما يطلب مدير المدرسة من الطفل ألا يأتي إلى المدرسة لعدد محدد من الأيام. لا "
                    "يجوز أن يزيد مجموع أيام الإيقاف على 45 يومًا دراسيًا في العام الدراسي الواحد."
                ),
            },
            "pl": {
                "term": "zawieszenie w prawach ucznia",
                "aliases": "suspension\nfixed-term exclusion",
                "definition": (
                    "Gdy dyrektor szkoły każe dziecku nie przychodzić do szkoły przez określoną "
                    "liczbę dni. Dziecko może być zawieszone łącznie najwyżej na 45 dni szkolnych "
                    "w jednym roku szkolnym."
                ),
            },
        },
    },
    {
        "slug": "youth-court",
        "texts": {
            "en": {
                "term": "youth court",
                "aliases": "",
                "definition": (
                    "A special kind of magistrates' court for children aged 10 to 17. It is less "
                    "formal than an adult court, and the public cannot come in."
                ),
            },
            "ar": {
                "term": "محكمة الأحداث",
                "aliases": "youth court",
                "definition": (
                    "نوع خاص من محاكم الصلح للأطفال الذين تتراوح أعمارهم بين 10 و17 عامًا. أجواؤها "
                    "أقل رسمية من محكمة البالغين، ولا يُسمح للجمهور بالدخول."
                ),
            },
            "pl": {
                "term": "sąd dla nieletnich",
                "aliases": "youth court",
                "definition": (
                    "Specjalny rodzaj sądu pokoju (magistrates' court) dla dzieci w wieku od 10 do "
                    "17 lat. Jest mniej formalny niż sąd dla dorosłych, a publiczność nie może "
                    "wejść."
                ),
            },
        },
    },
    {
        "slug": "youth-offending-team",
        "texts": {
            "en": {
                "term": "youth offending team",
                "aliases": "YOT\nyouth justice service\nYJS",
                "definition": (
                    "A council team that works with children aged 10 to 17 who get into trouble "
                    "with the law. It includes people from social care, the police, probation, "
                    "health and education, and it helps children to stay out of trouble."
                ),
            },
            "ar": {
                "term": "فريق عدالة الأحداث",
                "aliases": "youth offending team\nYOT",
                "definition": (
                    "فريق تابع للمجلس المحلي يعمل مع الأطفال الذين تتراوح أعمارهم بين 10 و17 عامًا "
                    "ويواجهون مشكلات مع القانون. يضم أشخاصًا من الرعاية الاجتماعية والشرطة ومراقبة "
                    "السلوك والصحة والتعليم، ويساعد الأطفال على الابتعاد عن المشكلات."
                ),
            },
            "pl": {
                "term": "zespół ds. nieletnich",
                "aliases": "youth offending team\nYOT",
                "definition": (
                    "Zespół przy urzędzie gminy, który pracuje z dziećmi w wieku od 10 do 17 lat "
                    "mającymi problemy z prawem. Należą do niego osoby z opieki społecznej, "
                    "policji, kurateli, służby zdrowia i edukacji. Zespół pomaga dzieciom trzymać "
                    "się z dala od kłopotów."
                ),
            },
        },
    },
]

# --- services directory --------------------------------------------------------------------------

SERVICES = [
    {
        "key": "parent-champions",
        "organisation": "Example Community Trust",
        "topics": ["social-care", "youth-justice", "school-exclusions", "send", "parenting"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["en", "pl", "ro", "pa", "ur", "so", "ar", "bn"],
        "interpreters": True,
        "access": "self-referral",
        "free": True,
        "phone": "020 7946 0100",
        "email": "champions@example.org",
        "website": "https://www.example.org/parent-champions",
        "address": "Example Community Trust, 3 Sample Street, London",
        "postcode": "E15 1AA",
        "community_led": False,
        "peer_support": True,
        "texts": {
            "en": {
                "name": "Parent Champions",
                "description": (
                    "Parent champions are local parents who have been through children's services "
                    "with their own families, and are trained to help others. A parent champion "
                    "can listen, explain letters and meetings, help you prepare your questions and "
                    "come with you to some meetings. They do not work for social care, the police "
                    "or schools."
                ),
                "eligibility": "Any parent or carer in the borough with a child aged 0 to 18.",
                "cost": "",
                "opening_times": (
                    "Monday to Friday, 9am to 5pm. Some evening and Saturday appointments."
                ),
            },
            "pl": {
                "name": "Rodzice Wspierający",
                "description": (
                    "Rodzice wspierający to rodzice z okolicy, którzy sami przeszli przez usługi "
                    "dla dzieci ze swoimi rodzinami i zostali przeszkoleni, by pomagać innym. "
                    "Rodzic wspierający wysłucha, wyjaśni pisma i spotkania, pomoże przygotować "
                    "pytania i może pójść z Państwem na niektóre spotkania. Nie pracuje dla opieki "
                    "społecznej, policji ani szkoły."
                ),
                "eligibility": (
                    "Każdy rodzic lub opiekun w gminie, który ma dziecko w wieku od 0 do 18 lat."
                ),
                "cost": "",
                "opening_times": (
                    "Od poniedziałku do piątku, 9:00–17:00. Niektóre spotkania wieczorem i w "
                    "soboty."
                ),
            },
            "ar": {
                "name": "أولياء الأمور المناصرون",
                "description": (
                    "أولياء الأمور المناصرون آباء وأمهات من المنطقة مرّوا بتجربة خدمات الأطفال مع "
                    "أسرهم، وتلقّوا تدريبًا لمساعدة غيرهم. يمكن لوليّ الأمر المناصر أن يستمع إليك، "
                    "ويشرح لك الرسائل والاجتماعات، ويساعدك على تحضير أسئلتك، ويرافقك إلى بعض "
                    "الاجتماعات. وهم لا يعملون لدى الرعاية الاجتماعية ولا الشرطة ولا المدارس."
                ),
                "eligibility": "أي والد أو مقدّم رعاية في المنطقة لديه طفل عمره من 0 إلى 18 عامًا.",
                "cost": "",
                "opening_times": (
                    "من الاثنين إلى الجمعة، من 9 صباحًا حتى 5 مساءً. بعض المواعيد مساءً وأيام "
                    "السبت."
                ),
            },
        },
    },
    {
        "key": "youth-justice-service",
        "organisation": "Example Borough Council",
        "topics": ["youth-justice", "police"],
        "minimum_age": 10,
        "maximum_age": 17,
        "languages": ["en"],
        "interpreters": True,
        "access": "referral",
        "free": True,
        "phone": "020 7946 0101",
        "email": "youthjustice@example.org",
        "website": "https://www.example.org/youth-justice",
        "address": "Youth Justice Service, Example Civic Centre, 1 Example Square, London",
        "postcode": "E15 4QR",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Youth Justice Service (youth offending team)",
                "description": (
                    "The borough's youth offending team works with children aged 10 to 17 who have "
                    "been arrested, given an out-of-court disposal or sentenced by a court, and "
                    "with their parents. Workers write pre-sentence reports, support children on "
                    "referral orders and other court orders, and help with school, health and "
                    "staying safe."
                ),
                "eligibility": (
                    "Children aged 10 to 17 referred by the police or a court, and some "
                    "18-year-olds finishing an order. Parents can phone for advice at any time."
                ),
                "cost": "",
                "opening_times": (
                    "Monday to Friday, 9am to 5pm. Workers are also at the youth court on court "
                    "days."
                ),
            },
            "pl": {
                "name": "Służba ds. nieletnich (youth offending team)",
                "description": (
                    "Zespół ds. nieletnich w naszej gminie pracuje z dziećmi w wieku od 10 do 17 "
                    "lat, które zostały zatrzymane, otrzymały rozstrzygnięcie pozasądowe lub wyrok "
                    "sądu, oraz z ich rodzicami. Pracownicy piszą raporty przedwyrokowe, wspierają "
                    "dzieci z nakazem skierowania i innymi nakazami sądu oraz pomagają w sprawach "
                    "szkoły, zdrowia i bezpieczeństwa."
                ),
                "eligibility": (
                    "Dzieci w wieku od 10 do 17 lat skierowane przez policję lub sąd oraz niektóre "
                    "osoby 18-letnie, które kończą wykonywanie nakazu. Rodzice mogą zadzwonić po "
                    "poradę w każdej chwili."
                ),
                "cost": "",
                "opening_times": (
                    "Od poniedziałku do piątku, 9:00–17:00. Pracownicy są też obecni w sądzie dla "
                    "nieletnich w dni rozpraw."
                ),
            },
            "ar": {
                "name": "خدمة عدالة الأحداث (فريق عدالة الأحداث)",
                "description": (
                    "يعمل فريق عدالة الأحداث في المنطقة مع الأطفال الذين تتراوح أعمارهم بين 10 و17 "
                    "عامًا ممن قُبض عليهم، أو صدر بحقهم إجراء خارج المحكمة، أو حكمت عليهم محكمة، "
                    "ومع أولياء أمورهم. يكتب الموظفون تقارير ما قبل الحكم، ويدعمون الأطفال "
                    "الخاضعين لأوامر الإحالة وغيرها من أوامر المحكمة، ويساعدون في شؤون المدرسة "
                    "والصحة والسلامة."
                ),
                "eligibility": (
                    "الأطفال من 10 إلى 17 عامًا المُحالون من الشرطة أو المحكمة، وبعض من بلغوا 18 "
                    "عامًا وهم يُكملون أمرًا صادرًا بحقهم. يمكن لأولياء الأمور الاتصال لطلب "
                    "المشورة في أي وقت."
                ),
                "cost": "",
                "opening_times": (
                    "من الاثنين إلى الجمعة، من 9 صباحًا حتى 5 مساءً. يوجد الموظفون أيضًا في محكمة "
                    "الأحداث في أيام الجلسات."
                ),
            },
        },
    },
    {
        "key": "youth-justice-parents-group",
        "organisation": "Northfield Parents Network",
        "topics": ["youth-justice", "police", "parenting"],
        "minimum_age": 10,
        "maximum_age": 17,
        "languages": ["en", "pl", "so", "ar"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900101",
        "email": "northfield@example.org",
        "website": None,
        "address": "Northfield Community Hall, 40 Example Road, London",
        "postcode": "E13 9PX",
        "community_led": False,
        "peer_support": True,
        "texts": {
            "en": {
                "name": "Parents of children in the youth justice system: support group",
                "description": (
                    "A friendly group run by parents whose own children have been arrested, gone "
                    "to court or spent time in custody. You can talk openly without being judged, "
                    "and learn from parents who understand. A youth justice worker comes once a "
                    "month to answer questions."
                ),
                "eligibility": (
                    "Parents and carers of a child aged 10 to 17 who is involved with the police, "
                    "the youth court or the youth offending team."
                ),
                "cost": "",
                "opening_times": (
                    "Every second Tuesday, 6:30pm to 8pm. Free tea, and a crèche for younger "
                    "children."
                ),
            },
            "pl": {
                "name": (
                    "Grupa wsparcia dla rodziców dzieci w systemie wymiaru sprawiedliwości dla "
                    "nieletnich"
                ),
                "description": (
                    "Przyjazna grupa prowadzona przez rodziców, których dzieci były zatrzymane, "
                    "stawały przed sądem lub przebywały w areszcie. Można tu otwarcie rozmawiać, "
                    "bez oceniania, i uczyć się od rodziców, którzy rozumieją. Raz w miesiącu "
                    "przychodzi pracownik zespołu ds. nieletnich i odpowiada na pytania."
                ),
                "eligibility": (
                    "Rodzice i opiekunowie dziecka w wieku od 10 do 17 lat, które ma kontakt z "
                    "policją, sądem dla nieletnich lub zespołem ds. nieletnich."
                ),
                "cost": "",
                "opening_times": (
                    "Co drugi wtorek, 18:30–20:00. Bezpłatna herbata i opieka nad młodszymi "
                    "dziećmi."
                ),
            },
            "ar": {
                "name": "مجموعة دعم لأولياء أمور الأطفال في نظام قضاء الأحداث",
                "description": (
                    "مجموعة ودّية يديرها آباء وأمهات سبق أن قُبض على أبنائهم أو مثلوا أمام المحكمة "
                    "أو قضوا وقتًا في الاحتجاز. يمكنك أن تتحدث بصراحة دون أن يحكم عليك أحد، وأن "
                    "تتعلم من أهالٍ يفهمون وضعك. يحضر موظف من فريق عدالة الأحداث مرة في الشهر "
                    "للإجابة عن الأسئلة."
                ),
                "eligibility": (
                    "أولياء أمور ومقدّمو رعاية لطفل عمره من 10 إلى 17 عامًا له علاقة بالشرطة أو "
                    "محكمة الأحداث أو فريق عدالة الأحداث."
                ),
                "cost": "",
                "opening_times": (
                    "يوم الثلاثاء كل أسبوعين، من 6:30 حتى 8 مساءً. شاي مجاني ورعاية للأطفال الأصغر "
                    "سنًا."
                ),
            },
        },
    },
    {
        "key": "appropriate-adults",
        "organisation": "Eastbrook Volunteer Centre",
        "topics": ["police", "youth-justice"],
        "minimum_age": 10,
        "maximum_age": 17,
        "languages": ["en", "bn", "so", "tr", "ro"],
        "interpreters": True,
        "access": "referral",
        "free": True,
        "phone": "020 7946 0102",
        "email": "appropriateadults@example.org",
        "website": "https://example.com/appropriate-adults",
        "address": "Eastbrook Volunteer Centre, 7 Demo Parade, London",
        "postcode": "E7 8LT",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Appropriate adult service for young people",
                "description": (
                    "Trained volunteers go to the police station when a child under 18 is held and "
                    "their parent or carer cannot be there. The volunteer makes sure your child "
                    "understands what is happening, gets a solicitor and is treated fairly. The "
                    "police contact the service directly."
                ),
                "eligibility": (
                    "Children aged 10 to 17 held at police stations in the borough. The police "
                    "make the request."
                ),
                "cost": "",
                "opening_times": "Every day, 8am to midnight.",
            },
            "pl": {
                "name": "Odpowiednia osoba dorosła dla młodzieży (appropriate adult)",
                "description": (
                    "Przeszkoleni wolontariusze przychodzą na komisariat, gdy zatrzymane jest "
                    "dziecko poniżej 18 lat, a rodzic lub opiekun nie może być obecny. "
                    "Wolontariusz dba o to, by dziecko rozumiało, co się dzieje, miało adwokata i "
                    "było traktowane uczciwie. Policja kontaktuje się z tą usługą bezpośrednio."
                ),
                "eligibility": (
                    "Dzieci w wieku od 10 do 17 lat zatrzymane na komisariatach w gminie. Prośbę "
                    "składa policja."
                ),
                "cost": "",
                "opening_times": "Codziennie, 8:00–24:00.",
            },
            "ar": {
                "name": "خدمة الشخص البالغ المناسب للشباب",
                "description": (
                    "متطوعون مدرَّبون يذهبون إلى مركز الشرطة عندما يُحتجز طفل عمره أقل من 18 عامًا "
                    "ولا يستطيع والده أو مقدّم الرعاية الحضور. يتأكد المتطوع من أن طفلك يفهم ما "
                    "يحدث، وأنه يحصل على محامٍ، وأنه يُعامل بعدل. تتصل الشرطة بالخدمة مباشرة."
                ),
                "eligibility": (
                    "الأطفال من 10 إلى 17 عامًا المحتجزون في مراكز الشرطة في المنطقة. الشرطة هي "
                    "التي تطلب الخدمة."
                ),
                "cost": "",
                "opening_times": "كل يوم، من 8 صباحًا حتى منتصف الليل.",
            },
        },
    },
    {
        "key": "law-centre",
        "organisation": "Eastbrook Community Law Centre",
        "topics": ["youth-justice", "police", "school-exclusions", "social-care"],
        "minimum_age": 10,
        "maximum_age": 25,
        "languages": ["en", "ur", "pa", "ar", "so", "pl"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0103",
        "email": "lawcentre@example.org",
        "website": "https://www.example.org/law-centre",
        "address": "2 Example Arcade, London",
        "postcode": "E6 2JD",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Young people's legal advice",
                "description": (
                    "Free legal advice for children, young people and their parents about the "
                    "police, the youth court, school exclusions, complaints and discrimination. A "
                    "solicitor can explain your child's options, help with a complaint about the "
                    "police and represent you at some hearings."
                ),
                "eligibility": (
                    "Children and young people aged 10 to 25 who live or go to school in the "
                    "borough, and their parents or carers."
                ),
                "cost": "",
                "opening_times": (
                    "Drop-in on Wednesdays, 2pm to 6pm. Phone advice Monday to Thursday, 10am to "
                    "4pm."
                ),
            },
            "pl": {
                "name": "Porady prawne dla młodzieży",
                "description": (
                    "Bezpłatne porady prawne dla dzieci, młodzieży i ich rodziców w sprawach "
                    "policji, sądu dla nieletnich, usunięcia ze szkoły, skarg i dyskryminacji. "
                    "Prawnik może wyjaśnić, jakie dziecko ma możliwości, pomóc w skardze na "
                    "policję i reprezentować Państwa na niektórych rozprawach."
                ),
                "eligibility": (
                    "Dzieci i młodzi ludzie w wieku od 10 do 25 lat, którzy mieszkają lub uczą się "
                    "w gminie, oraz ich rodzice lub opiekunowie."
                ),
                "cost": "",
                "opening_times": (
                    "Dyżur bez umawiania się w środy, 14:00–18:00. Porady telefoniczne od "
                    "poniedziałku do czwartku, 10:00–16:00."
                ),
            },
            "ar": {
                "name": "استشارات قانونية للشباب",
                "description": (
                    "استشارات قانونية مجانية للأطفال والشباب وأولياء أمورهم بشأن الشرطة، ومحكمة "
                    "الأحداث، والفصل من المدرسة، والشكاوى، والتمييز. يمكن للمحامي أن يشرح الخيارات "
                    "المتاحة لطفلك، ويساعدك في تقديم شكوى ضد الشرطة، ويمثّلك في بعض الجلسات."
                ),
                "eligibility": (
                    "الأطفال والشباب من 10 إلى 25 عامًا الذين يعيشون أو يدرسون في المنطقة، وأولياء "
                    "أمورهم أو مقدّمو الرعاية لهم."
                ),
                "cost": "",
                "opening_times": (
                    "استقبال دون موعد أيام الأربعاء من 2 حتى 6 مساءً. استشارات هاتفية من الاثنين "
                    "إلى الخميس، من 10 صباحًا حتى 4 مساءً."
                ),
            },
        },
    },
    {
        "key": "exclusions-advice",
        "organisation": "Northfield Education Rights Project",
        "topics": ["school-exclusions", "send"],
        "minimum_age": 4,
        "maximum_age": 18,
        "languages": ["en", "bn", "ur", "so", "ar", "ro", "pl"],
        "interpreters": True,
        "access": "self-referral",
        "free": True,
        "phone": "020 7946 0104",
        "email": "educationrights@example.org",
        "website": "https://www.example.org/education-rights",
        "address": "Unit 5, Example Business Centre, 18 Sample Lane, London",
        "postcode": "E13 0AL",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "School exclusion advice for families",
                "description": (
                    "Advice for parents when a child is suspended or permanently excluded, sent "
                    "home without a formal exclusion, or pushed to move school. Advisers help you "
                    "write to the governors, prepare for meetings and ask for an independent "
                    "review. They can also check whether your child has special educational needs "
                    "that the school has missed."
                ),
                "eligibility": (
                    "Parents and carers of children aged 4 to 18 at any school in the borough."
                ),
                "cost": "",
                "opening_times": (
                    "Monday to Friday, 9:30am to 4:30pm. Leave a message and an adviser will call "
                    "you back within two working days."
                ),
            },
            "pl": {
                "name": "Porady dla rodzin w sprawie usunięcia ze szkoły",
                "description": (
                    "Porady dla rodziców, gdy dziecko zostało zawieszone lub trwale usunięte ze "
                    "szkoły, odesłane do domu bez formalnej decyzji albo jest namawiane do zmiany "
                    "szkoły. Doradcy pomagają napisać do rady szkoły (governors), przygotować się "
                    "do spotkań i wystąpić o niezależną kontrolę decyzji. Mogą też sprawdzić, czy "
                    "dziecko ma specjalne potrzeby edukacyjne, których szkoła nie zauważyła."
                ),
                "eligibility": (
                    "Rodzice i opiekunowie dzieci w wieku od 4 do 18 lat z każdej szkoły w gminie."
                ),
                "cost": "",
                "opening_times": (
                    "Od poniedziałku do piątku, 9:30–16:30. Prosimy zostawić wiadomość, doradca "
                    "oddzwoni w ciągu dwóch dni roboczych."
                ),
            },
            "ar": {
                "name": "استشارات للأسر بشأن الفصل من المدرسة",
                "description": (
                    "نصائح لأولياء الأمور عندما يُوقف طفلهم مؤقتًا أو يُفصل نهائيًا، أو يُرسل إلى "
                    "البيت دون قرار فصل رسمي، أو يُضغط عليه لتغيير المدرسة. يساعدك المستشارون في "
                    "الكتابة إلى مجلس أمناء المدرسة، والتحضير للاجتماعات، وطلب مراجعة مستقلة. "
                    "ويمكنهم أيضًا التحقق مما إذا كان لدى طفلك احتياجات تعليمية خاصة لم تنتبه لها "
                    "المدرسة."
                ),
                "eligibility": (
                    "أولياء أمور ومقدّمو رعاية الأطفال من 4 إلى 18 عامًا في أي مدرسة في المنطقة."
                ),
                "cost": "",
                "opening_times": (
                    "من الاثنين إلى الجمعة، من 9:30 صباحًا حتى 4:30 مساءً. اترك رسالة وسيتصل بك "
                    "مستشار خلال يومَي عمل."
                ),
            },
        },
    },
    {
        "key": "excluded-parents-group",
        "organisation": "Northfield Parents Network",
        "topics": ["school-exclusions", "parenting", "send"],
        "minimum_age": 5,
        "maximum_age": 18,
        "languages": ["en", "so", "bn"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900102",
        "email": "excludedparents@example.org",
        "website": None,
        "address": "Northfield Library, 25 Example Road, London",
        "postcode": "E13 9RB",
        "community_led": False,
        "peer_support": True,
        "texts": {
            "en": {
                "name": "Parents of excluded children: peer support group",
                "description": (
                    "A group for parents whose child has been suspended, excluded or is out of "
                    "school. Parents share what helped them, from governors' meetings to finding a "
                    "new school. You are welcome to come once, or every time."
                ),
                "eligibility": (
                    "Parents and carers of a child aged 5 to 18 who has been suspended or "
                    "excluded, or is missing school."
                ),
                "cost": "",
                "opening_times": "First Thursday of every month, 10am to 12 noon, in school terms.",
            },
            "pl": {
                "name": "Grupa wsparcia dla rodziców dzieci usuniętych ze szkoły",
                "description": (
                    "Grupa dla rodziców, których dziecko zostało zawieszone, usunięte ze szkoły "
                    "lub nie chodzi do szkoły. Rodzice dzielą się tym, co im pomogło – od spotkań "
                    "z radą szkoły po znalezienie nowej szkoły. Można przyjść raz albo za każdym "
                    "razem."
                ),
                "eligibility": (
                    "Rodzice i opiekunowie dziecka w wieku od 5 do 18 lat, które zostało "
                    "zawieszone lub usunięte ze szkoły albo opuszcza lekcje."
                ),
                "cost": "",
                "opening_times": (
                    "Pierwszy czwartek każdego miesiąca, 10:00–12:00, w czasie roku szkolnego."
                ),
            },
            "ar": {
                "name": "مجموعة دعم لأولياء أمور الأطفال المفصولين من المدرسة",
                "description": (
                    "مجموعة لأولياء الأمور الذين أُوقف طفلهم أو فُصل من المدرسة أو أصبح خارجها. "
                    "يتبادل الأهالي ما ساعدهم، من اجتماعات مجلس الأمناء إلى إيجاد مدرسة جديدة. "
                    "أهلًا بك إن جئت مرة واحدة أو في كل مرة."
                ),
                "eligibility": (
                    "أولياء أمور ومقدّمو رعاية طفل عمره من 5 إلى 18 عامًا أُوقف أو فُصل من "
                    "المدرسة، أو يتغيّب عنها."
                ),
                "cost": "",
                "opening_times": (
                    "أول خميس من كل شهر، من 10 صباحًا حتى 12 ظهرًا، خلال الفصول الدراسية."
                ),
            },
        },
    },
    {
        "key": "send-forum",
        "organisation": "Example Borough Parent Carer Forum",
        "topics": ["send", "parenting"],
        "minimum_age": 0,
        "maximum_age": 25,
        "languages": ["en", "bn", "ur", "so"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900103",
        "email": "sendforum@example.org",
        "website": "https://example.com/send-forum",
        "address": "Sample Street Children's Centre, 60 Sample Street, London",
        "postcode": "E15 3HU",
        "community_led": False,
        "peer_support": True,
        "texts": {
            "en": {
                "name": "SEND parent carer forum",
                "description": (
                    "A forum run by parents and carers of children with special educational needs "
                    "and disabilities. Members meet at coffee mornings, share advice about EHC "
                    "plans and support at school, and tell the council what families need."
                ),
                "eligibility": (
                    "Parents and carers of children and young people aged 0 to 25 with SEND, with "
                    "or without a diagnosis or an EHC plan."
                ),
                "cost": "",
                "opening_times": (
                    "Coffee mornings every Friday in school terms, 9:30am to 11:30am. Online "
                    "evening meetings once a month."
                ),
            },
        },
    },
    {
        "key": "sendiass",
        "organisation": "Example Borough Council",
        "topics": ["send", "school-exclusions"],
        "minimum_age": 0,
        "maximum_age": 25,
        "languages": ["en"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0105",
        "email": "sendiass@example.org",
        "website": "https://www.example.org/sendiass",
        "address": "Example Civic Centre, 1 Example Square, London",
        "postcode": "E15 4QR",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "SEND Information, Advice and Support Service",
                "description": (
                    "Free, impartial and confidential advice about special educational needs and "
                    "disabilities. An adviser can explain how to ask for an EHC needs assessment, "
                    "help you understand a draft plan and come with you to meetings at school. The "
                    "service works separately from the council's SEND team."
                ),
                "eligibility": (
                    "Children and young people aged 0 to 25 with SEND, and their parents or carers."
                ),
                "cost": "",
                "opening_times": "Monday to Friday, 9am to 5pm.",
            },
        },
    },
    {
        "key": "somali-parents",
        "organisation": "Eastbrook Somali Parents Association",
        "topics": ["parenting", "school-exclusions", "mental-health", "activities"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["so", "en", "ar"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900104",
        "email": "somaliparents@example.org",
        "website": None,
        "address": "Eastbrook Community Rooms, 14 Demo Road, London",
        "postcode": "E6 1PS",
        "community_led": True,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Somali parents' support and homework club",
                "description": (
                    "Run by Somali parents for Somali families. Volunteers explain how schools and "
                    "services work in England, help with letters and forms, and come with parents "
                    "to school meetings. There is a homework club for children and a mothers' "
                    "group on Fridays."
                ),
                "eligibility": (
                    "Somali-speaking families in the borough, though everyone is welcome."
                ),
                "cost": "",
                "opening_times": (
                    "Monday, Wednesday and Friday, 10am to 2pm. Homework club Tuesday and "
                    "Thursday, 4pm to 6pm."
                ),
            },
        },
    },
    {
        "key": "bengali-women",
        "organisation": "Northfield Bengali Women's Group",
        "topics": ["mental-health", "domestic-abuse", "parenting", "money-benefits"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["bn", "en"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900105",
        "email": "bengaliwomen@example.org",
        "website": None,
        "address": "Northfield Community Hall, 40 Example Road, London",
        "postcode": "E13 9PX",
        "community_led": True,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Bengali women's wellbeing group",
                "description": (
                    "A women-only group run by Bengali women. Come for a chat, a cup of tea and "
                    "gentle exercise, and get help in Bengali or Sylheti with benefits, health and "
                    "family worries. Workers can talk with you in private about domestic abuse and "
                    "help you stay safe."
                ),
                "eligibility": (
                    "Women of any age who speak Bengali or Sylheti. Children under 5 can come with "
                    "you."
                ),
                "cost": "",
                "opening_times": "Tuesdays and Thursdays, 10am to 1pm.",
            },
        },
    },
    {
        "key": "polish-families",
        "organisation": "Eastbrook Polish Family Centre",
        "topics": ["social-care", "parenting", "money-benefits", "housing"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["pl", "en"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900106",
        "email": "polishfamilies@example.org",
        "website": "https://example.com/polish-families",
        "address": "Example Parish Hall, 9 Sample Lane, London",
        "postcode": "E7 0DN",
        "community_led": True,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Polish-speaking family support",
                "description": (
                    "Support in Polish for families who are new to children's services, or worried "
                    "about a letter from social care, a school or the housing team. A family "
                    "worker explains what is happening, helps with forms and phone calls, and can "
                    "come to meetings with you."
                ),
                "eligibility": "Polish-speaking families with children living in the borough.",
                "cost": "",
                "opening_times": (
                    "Monday and Thursday, 10am to 3pm. Saturday mornings by appointment."
                ),
            },
            "pl": {
                "name": "Wsparcie dla rodzin w języku polskim",
                "description": (
                    "Pomoc po polsku dla rodzin, które po raz pierwszy mają kontakt z usługami dla "
                    "dzieci albo martwią się pismem z opieki społecznej, szkoły lub wydziału "
                    "mieszkaniowego. Pracownik rodzinny wyjaśni, co się dzieje, pomoże z "
                    "formularzami i telefonami oraz może pójść z Państwem na spotkania."
                ),
                "eligibility": "Polskojęzyczne rodziny z dziećmi mieszkające w gminie.",
                "cost": "",
                "opening_times": (
                    "Poniedziałek i czwartek, 10:00–15:00. Soboty rano po wcześniejszym umówieniu."
                ),
            },
            "ar": {
                "name": "دعم للأسر الناطقة بالبولندية",
                "description": (
                    "دعم باللغة البولندية للأسر التي تتعامل مع خدمات الأطفال لأول مرة، أو القلقة "
                    "بسبب رسالة من الرعاية الاجتماعية أو المدرسة أو قسم الإسكان. يشرح موظف دعم "
                    "الأسرة ما يحدث، ويساعد في الاستمارات والمكالمات الهاتفية، ويمكنه مرافقتك إلى "
                    "الاجتماعات."
                ),
                "eligibility": "الأسر الناطقة بالبولندية التي لديها أطفال وتعيش في المنطقة.",
                "cost": "",
                "opening_times": (
                    "الاثنين والخميس، من 10 صباحًا حتى 3 مساءً. صباح السبت بموعد مسبق."
                ),
            },
        },
    },
    {
        "key": "northfield-rising",
        "organisation": "Northfield Rising CIC",
        "topics": ["exploitation", "youth-justice", "activities"],
        "minimum_age": 11,
        "maximum_age": 19,
        "languages": ["en", "yo", "fr"],
        "interpreters": False,
        "access": "either",
        "free": True,
        "phone": "07700 900107",
        "email": "rising@example.org",
        "website": "https://www.example.org/northfield-rising",
        "address": "Unit 2, Demo Yard, 3 Example Road, London",
        "postcode": "E15 2PF",
        "community_led": True,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Northfield Rising: mentoring for young Black people",
                "description": (
                    "A Black-led project that matches young people with trained mentors who grew "
                    "up locally and share similar experiences. Mentors meet young people every "
                    "week, help with school, confidence and staying safe, and support them after "
                    "contact with the police or time in court. Families are invited to monthly "
                    "family evenings."
                ),
                "eligibility": (
                    "Young people aged 11 to 19 of African, Caribbean or mixed heritage. Young "
                    "people can join themselves, or parents, schools and the youth offending team "
                    "can refer them."
                ),
                "cost": "",
                "opening_times": (
                    "Mentoring sessions after school and at weekends. Office open Monday to "
                    "Friday, 11am to 7pm."
                ),
            },
        },
    },
    {
        "key": "punjabi-families",
        "organisation": "Eastbrook Punjabi Community Centre",
        "topics": ["drugs-alcohol", "parenting", "mental-health"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["pa", "ur", "hi", "en"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900108",
        "email": "punjabicentre@example.org",
        "website": None,
        "address": "22 Sample Street, London",
        "postcode": "E12 6SA",
        "community_led": True,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Punjabi and Urdu family support",
                "description": (
                    "Confidential family support in Punjabi, Urdu, Hindi and English. Workers help "
                    "families who are worried about a young person's drug or alcohol use, stress "
                    "at home or problems at school, and they understand how hard it can be to ask "
                    "for help in a close community. You can meet at the centre, at home or by "
                    "phone."
                ),
                "eligibility": (
                    "Families of any background who would like support in Punjabi, Urdu or Hindi."
                ),
                "cost": "",
                "opening_times": (
                    "Monday to Friday, 10am to 4pm. Evening appointments on Wednesdays."
                ),
            },
        },
    },
    {
        "key": "romanian-families",
        "organisation": "Eastbrook Romanian and Roma Families Association",
        "topics": ["housing", "money-benefits", "school-exclusions", "social-care"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["ro", "en"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900109",
        "email": "romanianfamilies@example.org",
        "website": None,
        "address": "Eastbrook Community Rooms, 14 Demo Road, London",
        "postcode": "E6 1PS",
        "community_led": True,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Romanian and Roma family advice",
                "description": (
                    "Advice in Romanian for Romanian and Roma families about housing, benefits, "
                    "school places and letters from the council. Advisers help you understand your "
                    "rights, fill in forms and speak to services. There is also a Saturday club "
                    "for children."
                ),
                "eligibility": "Romanian and Roma families living or working in the borough.",
                "cost": "",
                "opening_times": (
                    "Tuesday and Friday, 10am to 4pm. Saturday children's club, 10am to 1pm."
                ),
            },
        },
    },
    {
        "key": "early-help",
        "organisation": "Example Borough Council",
        "topics": ["social-care", "parenting", "mental-health"],
        "minimum_age": 0,
        "maximum_age": 18,
        "languages": ["en"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0106",
        "email": "earlyhelp@example.org",
        "website": "https://www.example.org/early-help",
        "address": "Example Civic Centre, 1 Example Square, London",
        "postcode": "E15 4QR",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Early Help and Family Support",
                "description": (
                    "A family support worker works with you to make a plan when things are getting "
                    "hard, for example with school attendance, behaviour, money or relationships "
                    "at home. Early help is your choice: you decide what goes into the plan, and "
                    "the worker brings in the other services you need."
                ),
                "eligibility": (
                    "Families with children aged 0 to 18 living in the borough. You can ask for "
                    "help yourself, or a school, doctor or other service can refer you with your "
                    "agreement."
                ),
                "cost": "",
                "opening_times": "Monday to Friday, 9am to 5pm.",
            },
            "pl": {
                "name": "Wczesna pomoc i wsparcie rodziny",
                "description": (
                    "Pracownik wsparcia rodziny pomaga Państwu ułożyć plan, gdy robi się trudno, "
                    "na przykład z chodzeniem do szkoły, zachowaniem, pieniędzmi lub relacjami w "
                    "domu. Wczesna pomoc jest dobrowolna: to Państwo decydują, co znajdzie się w "
                    "planie, a pracownik angażuje inne potrzebne usługi."
                ),
                "eligibility": (
                    "Rodziny z dziećmi w wieku od 0 do 18 lat mieszkające w gminie. Mogą Państwo "
                    "zgłosić się sami albo, za Państwa zgodą, może Państwa skierować szkoła, "
                    "lekarz lub inna służba."
                ),
                "cost": "",
                "opening_times": "Od poniedziałku do piątku, 9:00–17:00.",
            },
            "ar": {
                "name": "المساعدة المبكرة ودعم الأسرة",
                "description": (
                    "يعمل معك موظف دعم الأسرة لوضع خطة عندما تصبح الأمور صعبة، مثل الحضور إلى "
                    "المدرسة أو السلوك أو المال أو العلاقات في البيت. المساعدة المبكرة اختيارية: "
                    "أنت تقرر ما يدخل في الخطة، والموظف يُشرك الخدمات الأخرى التي تحتاجها."
                ),
                "eligibility": (
                    "الأسر التي لديها أطفال من 0 إلى 18 عامًا وتعيش في المنطقة. يمكنك أن تطلب "
                    "المساعدة بنفسك، أو أن تُحيلك مدرسة أو طبيب أو خدمة أخرى بموافقتك."
                ),
                "cost": "",
                "opening_times": "من الاثنين إلى الجمعة، من 9 صباحًا حتى 5 مساءً.",
            },
        },
    },
    {
        "key": "childrens-front-door",
        "organisation": "Example Borough Council",
        "topics": ["social-care", "domestic-abuse", "exploitation"],
        "minimum_age": 0,
        "maximum_age": 17,
        "languages": ["en"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0107",
        "email": "frontdoor@example.org",
        "website": "https://www.example.org/childrens-social-care",
        "address": "Example Civic Centre, 1 Example Square, London",
        "postcode": "E15 4QR",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Children's social care front door",
                "description": (
                    "The team to contact if you are worried about a child's safety, including your "
                    "own child. Social workers listen, decide what help is needed and may offer "
                    "early help or an assessment. If a child is in danger right now, call the "
                    "police."
                ),
                "eligibility": (
                    "Anyone can contact the team about a child or young person under 18 who lives "
                    "in the borough."
                ),
                "cost": "",
                "opening_times": (
                    "Monday to Friday, 9am to 5pm. At other times, the emergency duty team answers "
                    "the same number."
                ),
            },
        },
    },
    {
        "key": "camhs",
        "organisation": "Example NHS Foundation Trust",
        "topics": ["mental-health"],
        "minimum_age": 0,
        "maximum_age": 17,
        "languages": ["en"],
        "interpreters": True,
        "access": "referral",
        "free": True,
        "phone": "020 7946 0108",
        "email": "camhs@example.org",
        "website": "https://www.example.org/camhs",
        "address": "Example Health Centre, 55 Example Road, London",
        "postcode": "E13 8NG",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Child and Adolescent Mental Health Service (CAMHS)",
                "description": (
                    "NHS assessment and treatment for children and young people with mental health "
                    "difficulties such as anxiety, depression, self-harm or eating problems. Your "
                    "child's GP, school or another professional can refer them. There may be a "
                    "wait, so ask what help is available in the meantime."
                ),
                "eligibility": (
                    "Children and young people aged 0 to 17 registered with a GP in the borough. A "
                    "referral is needed."
                ),
                "cost": "",
                "opening_times": "Monday to Friday, 9am to 5pm, with some evening appointments.",
            },
        },
    },
    {
        "key": "wellbeing-cafe",
        "organisation": "Northfield Youth Trust",
        "topics": ["mental-health", "activities", "drugs-alcohol"],
        "minimum_age": 11,
        "maximum_age": 25,
        "languages": ["en", "so", "bn"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "07700 900110",
        "email": "wellbeingcafe@example.org",
        "website": "https://example.com/wellbeing-cafe",
        "address": "The Old Library, 8 Sample Lane, London",
        "postcode": "E13 0BT",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Youth wellbeing café",
                "description": (
                    "A relaxed drop-in where young people can talk to a trained youth worker or "
                    "counsellor without an appointment. They can come alone or with a friend. "
                    "Parents can book a separate time to talk about their worries."
                ),
                "eligibility": "Young people aged 11 to 25. Parents and carers by appointment.",
                "cost": "",
                "opening_times": "Monday, Wednesday and Friday, 3:30pm to 7pm.",
            },
        },
    },
    {
        "key": "family-counselling",
        "organisation": "Eastbrook Counselling Rooms",
        "topics": ["mental-health", "parenting"],
        "minimum_age": 11,
        "maximum_age": None,
        "languages": ["en", "pl", "tr", "ar"],
        "interpreters": False,
        "access": "self-referral",
        "free": False,
        "phone": "020 7946 0109",
        "email": "counselling@example.net",
        "website": "https://example.com/counselling",
        "address": "First floor, 31 Example Road, London",
        "postcode": "E15 1BZ",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Family and teen counselling",
                "description": (
                    "Qualified counsellors offer weekly sessions for teenagers, parents and whole "
                    "families. Sessions can help with stress, arguments at home, grief and "
                    "anxiety. You can meet in person or online."
                ),
                "eligibility": "Young people aged 11 and over, parents and families.",
                "cost": (
                    "£25 to £60 a session, depending on your income. A few free places for "
                    "families on Universal Credit."
                ),
                "opening_times": "Monday to Saturday, 9am to 8pm, by appointment.",
            },
        },
    },
    {
        "key": "young-peoples-drugs",
        "organisation": "Eastbrook Health Partnership",
        "topics": ["drugs-alcohol", "exploitation", "mental-health"],
        "minimum_age": 10,
        "maximum_age": 24,
        "languages": ["en"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0110",
        "email": "youngpeoplesdrugs@example.org",
        "website": "https://www.example.org/young-peoples-drugs",
        "address": "Example Health Centre, 55 Example Road, London",
        "postcode": "E13 8NG",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Young people's drug and alcohol service",
                "description": (
                    "Confidential, friendly support for young people who use drugs or alcohol, or "
                    "who are worried about someone who does. Workers meet young people where they "
                    "feel comfortable and never judge. Parents can get advice and join family "
                    "sessions."
                ),
                "eligibility": (
                    "Young people aged 10 to 24 who live or go to school in the borough, and their "
                    "families."
                ),
                "cost": "",
                "opening_times": "Monday to Friday, 10am to 6pm.",
            },
        },
    },
    {
        "key": "keeping-safe",
        "organisation": "Eastbrook Youth Safety Project",
        "topics": ["exploitation", "youth-justice", "police", "drugs-alcohol"],
        "minimum_age": 10,
        "maximum_age": 25,
        "languages": ["en", "so", "ar", "pt"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0111",
        "email": "keepingsafe@example.org",
        "website": "https://www.example.org/keeping-safe",
        "address": "4 Demo Parade, London",
        "postcode": "E7 8LS",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Keeping Safe: support for young people at risk of exploitation",
                "description": (
                    "Youth workers support young people who are being groomed, pressured to carry "
                    "or sell drugs (sometimes called county lines) or caught up in violence. A "
                    "worker stays alongside the young person for as long as they need, and also "
                    "supports parents, who are never blamed. Workers can also meet young people in "
                    "hospital after an injury."
                ),
                "eligibility": (
                    "Young people aged 10 to 25, and their parents or carers. Anyone can refer, "
                    "including parents."
                ),
                "cost": "",
                "opening_times": "Monday to Saturday, 10am to 8pm.",
            },
        },
    },
    {
        "key": "money-housing-advice",
        "organisation": "Eastbrook Money and Housing Advice Centre",
        "topics": ["money-benefits", "housing"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["en", "bn", "ur", "so", "pl", "ro", "ar", "tr"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0112",
        "email": "advice@example.org",
        "website": "https://www.example.org/advice-centre",
        "address": "10 Example Road, London",
        "postcode": "E15 2DQ",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Money, benefits and housing advice",
                "description": (
                    "Free, confidential advice about benefits, debts, rent arrears, eviction and "
                    "homelessness. Advisers check that you get everything you are entitled to, "
                    "including free school meals, and help you talk to your landlord or the "
                    "council's housing team."
                ),
                "eligibility": "Anyone living in the borough.",
                "cost": "",
                "opening_times": (
                    "Monday to Friday, 9:30am to 4:30pm. Drop-in on Monday and Thursday mornings."
                ),
            },
        },
    },
    {
        "key": "domestic-abuse-service",
        "organisation": "Eastbrook Domestic Abuse Service",
        "topics": ["domestic-abuse", "housing"],
        "minimum_age": 16,
        "maximum_age": None,
        "languages": ["en", "bn", "ur", "pa", "so", "ar", "pl", "ro", "tr"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0113",
        "email": "safe@example.org",
        "website": None,
        "address": "Drop-in at Example Health Centre, 55 Example Road, London",
        "postcode": "E13 8NG",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Domestic abuse advice and support",
                "description": (
                    "Specialist workers give safe, confidential support to anyone experiencing "
                    "domestic abuse, including help with safety plans, housing, money and the "
                    "courts. Children affected by abuse can get their own support. If you are in "
                    "danger right now, call the police."
                ),
                "eligibility": "Anyone aged 16 or over who lives in the borough, of any gender.",
                "cost": "",
                "opening_times": "Monday to Friday, 9am to 6pm. Drop-in on Tuesdays, 10am to 1pm.",
            },
        },
    },
    {
        "key": "calmer-teens",
        "organisation": "Northfield Family Learning CIC",
        "topics": ["parenting", "mental-health"],
        "minimum_age": 11,
        "maximum_age": 18,
        "languages": ["en", "ur", "pl"],
        "interpreters": False,
        "access": "self-referral",
        "free": False,
        "phone": "020 7946 0114",
        "email": "familylearning@example.org",
        "website": "https://example.com/calmer-teens",
        "address": "Northfield Library, 25 Example Road, London",
        "postcode": "E13 9RB",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Calmer Teens: a course for parents of teenagers",
                "description": (
                    "An 8-week evening course for parents of children aged 11 to 18. You learn "
                    "ways to stay calm, argue less, set fair limits and keep talking with your "
                    "teenager, alongside other parents who understand. There are groups in "
                    "English, Urdu and Polish each term."
                ),
                "eligibility": "Parents and carers of children aged 11 to 18.",
                "cost": (
                    "£60 for the 8-week course, or £10 a week. Free places for parents referred by "
                    "early help or the youth offending team."
                ),
                "opening_times": "Wednesday evenings, 6:30pm to 8:30pm, in school terms.",
            },
            "pl": {
                "name": "Spokojniejsze nastolatki: kurs dla rodziców nastolatków",
                "description": (
                    "Ośmiotygodniowy kurs wieczorowy dla rodziców dzieci w wieku od 11 do 18 lat. "
                    "Uczą się Państwo, jak zachować spokój, rzadziej się kłócić, stawiać uczciwe "
                    "granice i nie tracić kontaktu z nastolatkiem – razem z innymi rodzicami, "
                    "którzy rozumieją. W każdym semestrze są grupy po angielsku, w języku urdu i "
                    "po polsku."
                ),
                "eligibility": "Rodzice i opiekunowie dzieci w wieku od 11 do 18 lat.",
                "cost": (
                    "60 funtów za cały 8-tygodniowy kurs lub 10 funtów tygodniowo. Bezpłatne "
                    "miejsca dla rodziców skierowanych przez wczesną pomoc lub zespół ds. "
                    "nieletnich."
                ),
                "opening_times": "Środy wieczorem, 18:30–20:30, w czasie roku szkolnego.",
            },
            "ar": {
                "name": "مراهقون أهدأ: دورة لأولياء أمور المراهقين",
                "description": (
                    "دورة مسائية مدتها 8 أسابيع لأولياء أمور الأطفال من 11 إلى 18 عامًا. تتعلم "
                    "طرقًا للحفاظ على هدوئك، والتقليل من الخلافات، ووضع حدود عادلة، والاستمرار في "
                    "الحديث مع ابنك المراهق، مع أهالٍ آخرين يفهمونك. توجد مجموعات بالإنجليزية "
                    "والأردية والبولندية في كل فصل دراسي."
                ),
                "eligibility": "أولياء أمور ومقدّمو رعاية الأطفال من 11 إلى 18 عامًا.",
                "cost": (
                    "60 جنيهًا إسترلينيًا للدورة كاملة (8 أسابيع)، أو 10 جنيهات في الأسبوع. أماكن "
                    "مجانية لأولياء الأمور المُحالين من المساعدة المبكرة أو فريق عدالة الأحداث."
                ),
                "opening_times": "مساء كل أربعاء، من 6:30 حتى 8:30، خلال الفصول الدراسية.",
            },
        },
    },
    {
        "key": "boxing-club",
        "organisation": "Eastbrook Boxing and Fitness Club",
        "topics": ["activities"],
        "minimum_age": 8,
        "maximum_age": 18,
        "languages": ["en"],
        "interpreters": False,
        "access": "self-referral",
        "free": False,
        "phone": "07700 900111",
        "email": "boxing@example.org",
        "website": None,
        "address": "Arch 12, Demo Yard, London",
        "postcode": "E15 2PF",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Youth boxing and fitness",
                "description": (
                    "Non-contact boxing, fitness and mentoring sessions for young people. Coaches "
                    "focus on discipline, respect and confidence, and no experience is needed. "
                    "Gloves and equipment are provided."
                ),
                "eligibility": "Young people aged 8 to 18.",
                "cost": "£3 a session. Free for young people who get free school meals.",
                "opening_times": (
                    "Monday, Wednesday and Friday, 5pm to 7pm. Saturdays, 10am to 12 noon."
                ),
            },
        },
    },
    {
        "key": "youth-centre",
        "organisation": "Example Borough Council",
        "topics": ["activities", "exploitation"],
        "minimum_age": 11,
        "maximum_age": 25,
        "languages": ["en"],
        "interpreters": False,
        "access": "self-referral",
        "free": True,
        "phone": "020 7946 0115",
        "email": "youthcentre@example.org",
        "website": "https://www.example.org/youth-centres",
        "address": "5 Example Lane, London",
        "postcode": "E16 4TB",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Example Lane Youth Centre",
                "description": (
                    "A free youth club with sport, cooking, games, music and trips, run by "
                    "qualified youth workers. Young people can also get help with college, jobs "
                    "and worries. There is a girls-only session every Wednesday."
                ),
                "eligibility": (
                    "Young people aged 11 to 19, or up to 25 with special educational needs or a "
                    "disability."
                ),
                "cost": "",
                "opening_times": "Monday to Friday, 4pm to 9pm. Saturdays, 12 noon to 5pm.",
            },
        },
    },
    {
        "key": "music-studio",
        "organisation": "Northfield Music and Media Studio",
        "topics": ["activities"],
        "minimum_age": 12,
        "maximum_age": 21,
        "languages": ["en"],
        "interpreters": False,
        "access": "self-referral",
        "free": False,
        "phone": "07700 900112",
        "email": "studio@example.com",
        "website": "https://example.com/music-studio",
        "address": "Unit 8, Demo Yard, London",
        "postcode": "E15 2PF",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Music production and media workshops",
                "description": (
                    "Workshops in music production, rapping, singing, filming and editing, in a "
                    "real studio. Young people make their own tracks and videos with experienced "
                    "artists. Beginners are welcome."
                ),
                "eligibility": "Young people aged 12 to 21.",
                "cost": (
                    "£5 a session, or £40 for a 10-week course. Free places for young people "
                    "referred by a youth worker or the youth offending team."
                ),
                "opening_times": (
                    "Tuesday to Friday, 4pm to 8pm. Holiday courses in school holidays."
                ),
            },
        },
    },
    {
        "key": "education-law",
        "organisation": "Northfield Legal Practice",
        "topics": ["school-exclusions", "send", "social-care"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["en", "ur", "pa", "ar"],
        "interpreters": False,
        "access": "either",
        "free": False,
        "phone": "020 7946 0116",
        "email": "educationlaw@example.net",
        "website": "https://example.com/education-law",
        "address": "Suite 4, 90 Example Road, London",
        "postcode": "E15 1DA",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Education law advice (fixed fees)",
                "description": (
                    "Solicitors who specialise in school exclusions, SEND tribunal appeals and "
                    "disability discrimination claims. They can check whether an exclusion was "
                    "lawful, write to the school, and prepare you for an independent review panel "
                    "or a tribunal."
                ),
                "eligibility": (
                    "Parents and carers of children and young people at school or college, and "
                    "young people themselves."
                ),
                "cost": (
                    "Free 20-minute first phone call. Fixed fees from £150 for advice on a letter, "
                    "or from £450 for help with an exclusion review or SEND appeal. Ask whether "
                    "you can get legal aid: some SEND cases qualify."
                ),
                "opening_times": "Monday to Friday, 9am to 6pm.",
            },
        },
    },
    {
        "key": "family-advocacy",
        "organisation": "Eastbrook Advocacy for Families",
        "topics": ["social-care", "parenting", "domestic-abuse"],
        "minimum_age": None,
        "maximum_age": None,
        "languages": ["en", "so", "ar", "tr", "bn"],
        "interpreters": True,
        "access": "either",
        "free": True,
        "phone": "020 7946 0117",
        "email": "advocacy@example.org",
        "website": "https://www.example.org/family-advocacy",
        "address": "11 Sample Street, London",
        "postcode": "E15 1AB",
        "community_led": False,
        "peer_support": False,
        "texts": {
            "en": {
                "name": "Independent advocacy for parents",
                "description": (
                    "An independent advocate helps you have your say in meetings with children's "
                    "social care, including child protection conferences and core group meetings. "
                    "Advocates can help you make a complaint, including about discrimination or "
                    "racism, and make sure you are listened to. They do not work for the council."
                ),
                "eligibility": (
                    "Parents and carers in the borough whose family is working with children's "
                    "social care."
                ),
                "cost": "",
                "opening_times": "Monday to Friday, 9am to 5pm.",
            },
        },
    },
]

# --- guides: the English bodies are Markdown -----------------------------------------------------

_HOW_TO_NAVIGATE_THE_SOCIAL_CARE_SYSTEM_BODY = """## What children's social care is

Children's social care is the part of the council that helps children and families who need extra
support, and that works to keep children safe. Most families who meet a social worker are not in
trouble. Many get help because a parent asked for it.

A letter or a phone call from social care can feel frightening. It is normal to feel worried, angry
or ashamed. You are still your child's parent, and your views matter.

## How families come to social care

Someone may contact the council's "front door" team because they are worried about a child. This
could be a school, a doctor, the police, a neighbour or you. The team decides what help, if any, is
needed. This can lead to:

- **No further action**, sometimes with information about local services.
- **Early help**: support from a family worker that you choose to take.
- **An assessment** by a social worker, to understand your child's needs.

## The main stages

Every family is different, but these are the words you are most likely to hear.

- **Assessment.** A social worker meets you, your child and people who know your family. It should
  be finished within 45 working days, and the social worker should tell you what they found.
- **Child in need.** If your child needs extra help to be healthy and develop well, or is disabled,
  you may be offered a child in need plan. You agree this plan together.
- **Section 47 enquiry.** If social care thinks your child may be at risk of serious harm, they
  must look into it. The police may be involved.
- **Child protection conference.** A meeting to decide whether your child needs a
  child protection plan to keep them safe.
- **Court.** In a small number of cases, the council goes to the family court.

If the council writes to you about going to court, take the letter to a solicitor straight away. At
this stage you can get free legal advice, whatever your income.

## Your rights as a parent

- You can ask the social worker to explain anything you do not understand, as many times as you
  need.
- You can ask for an interpreter. Your child should not interpret for you.
- You should see reports about your family before meetings, and you can say if something is wrong.
- You can bring someone to meetings to support you, such as a parent champion, a friend or an
  advocate.
- You can ask to see the records the council keeps about you.
- You can complain if you are not treated fairly.

## Tips that help

- Keep all letters in one folder. Write down the date of every call and visit.
- Write your questions down before a meeting, and take notes during it.
- Be honest about what is hard. Asking for help is not a sign of failure.
- If you disagree, say so calmly, and ask for your view to be written down.
- Ask for the name and phone number of your social worker and their manager.

## Getting help

A parent champion can explain what is happening, help you prepare for meetings and come with you.
Parent champions do not work for social care, and they will not judge you.

You can also contact an independent advocacy service, the council's early help team, or a community
group that speaks your language. If anyone is in danger right now, call the police.
"""

_WHAT_HAPPENS_WHEN_YOUR_CHILD_IS_ARRESTED_BODY = """## If your child is arrested

The police must tell you, or another adult responsible for your child, as soon as they can that
your child has been arrested and where they are being held. Try to stay calm. Being arrested does
not mean your child is guilty.

The police can usually keep someone for up to 24 hours before they must charge or release them. For
very serious crimes, this can be longer.

## At the police station

A custody officer will "book in" your child and must explain their rights. Because your child is
under 18, they must have an appropriate adult with them. This can be you, another family member, a
social worker or a trained volunteer.

As the appropriate adult, your job is to:

- support your child and check they understand what is happening;
- make sure they are treated fairly and their rights are respected;
- help them talk with the police, if they need it.

You are not there to tell your child what to say, and you are not their lawyer. Try not to talk
about what happened until the solicitor is there. What your child tells you is not private in the
same way as what they tell their solicitor.

## Always ask for a solicitor

Your child has the right to free legal advice from a solicitor at the police station, whatever your
income. Ask for one straight away, even if someone says it is "only a quick chat" or that it will
be faster without one. The solicitor should speak to your child in private before any interview.

## The police interview

The police may interview your child "under caution". This means what your child says can be used in
court. The solicitor will advise your child whether to answer questions.

You or the solicitor can ask for a break if your child is tired, upset or confused. Your child
should get food, drinks and rest. If your child has special educational needs, a health condition
or finds it hard to understand, tell the custody officer and the solicitor.

## What can happen next

After the interview, the police may:

- take no further action;
- release your child "under investigation", or on bail, while they find out more;
- give an out-of-court disposal, such as a community resolution or a youth caution;
- charge your child, which means the case goes to the youth court.

If your child is charged and the police refuse bail, they should normally move your child to
council accommodation until court, rather than keep them in a cell. The youth offending team may
also contact you to offer support.

## When your child comes home

Your child may feel scared, ashamed or angry. Try to listen before you ask lots of questions. Keep
any papers the police gave you in a safe place, and write down the name of the solicitor. If the
police kept your child's phone or other things, ask the solicitor how to get them back.

## Getting help

A parent champion can talk through what happened with you and help you understand the next steps.
You could also contact the youth offending team, a free legal advice service for young people, or a
support group for parents of children in the youth justice system. You are not alone: many parents
have been through this.
"""

_WHAT_HAPPENS_AT_YOUTH_COURT_BODY = """## What the youth court is

The youth court is a kind of magistrates' court for children aged 10 to 17. Cases are heard by
three magistrates, who are trained volunteers from the local area, or by one district judge.

It is less formal than an adult court. People often use first names, and everyone sits at the same
level. The public cannot come in. Reporters can, but they are not usually allowed to name your
child.

## Before the hearing

- If your child is under 16, the court will expect a parent or carer to come. If your child is 16
  or 17, the court may ask you to come too.
- Your child can usually have a solicitor for free through legal aid. If you do not have one, ask
  for the duty solicitor when you arrive.
- Bring the court letter or charge sheet, and arrive early. There are security checks at the door.
- Your child should dress neatly and switch off their phone in the courtroom.
- If your child or you need an interpreter, tell the solicitor or the court before the day.

## In the courtroom

The legal adviser checks your child's name, age and address. Then the charge is read out, and your
child is asked whether they plead guilty or not guilty. Their solicitor will help them decide
before this.

The magistrates may speak to your child, and to you, directly. It is fine to say that you do not
understand something. You can ask the solicitor to explain things during a break.

## If your child pleads not guilty

The court sets a date for a trial. At the trial, witnesses give evidence and the magistrates decide
whether your child is guilty.

Until then, the court makes a decision about remand. Your child may go home on bail, sometimes with
conditions such as a curfew. In more serious cases, they may be remanded to council accommodation
or to youth detention.

## If your child pleads guilty or is found guilty

The court may give a sentence straight away. Often, it asks the youth offending team to write a
pre-sentence report first. The writer will talk to your child and to you. Sentences include:

- a **referral order**, often given to a child who pleads guilty for the first time;
- a **youth rehabilitation order**, with activities and supervision in the community;
- a fine, or a discharge;
- a **detention and training order**, which means time in custody. This is only for the most
  serious cases.

The court may also make a parenting order. This asks a parent to go to parenting sessions. A very
serious case may be sent to the Crown Court.

## After court

Make sure you and your child understand the decision and what happens next. Ask the solicitor or
the youth offending team worker to explain anything that is not clear. Write down any dates your
child must remember.

## Getting help

Talk to a parent champion before the hearing. They can help you prepare questions, and may be able
to come with you. The youth offending team, a free legal advice service for young people and a
support group for parents of children in the youth justice system can also help you and your child.
"""

_IF_YOUR_CHILD_IS_EXCLUDED_FROM_SCHOOL_BODY = """## Two kinds of exclusion

This guide is about schools in England.

- A **suspension** means your child must stay away from school for a set number of days. A child
  can be suspended for up to 45 school days in one school year.
- A **permanent exclusion** means your child cannot go back to that school. It should only be used
  as a last resort.

Only the headteacher can exclude a pupil. The school must tell you without delay, and then in
writing, why your child is excluded and for how long. Sending a child home "to calm down" without a
formal exclusion is not allowed, even if the school calls it something else.

## The first days

- The school should set work for your child, and mark it.
- For the first five school days, your child should not be in a public place during school hours
  without a good reason. You could be fined.
- From the sixth school day, your child must get suitable full-time education. For a suspension,
  the school arranges this. For a permanent exclusion, the council does.

## Challenging a suspension

You can always write to the school governors with your views about a suspension. If the suspension
means your child misses more than 15 school days in a term, or misses a public exam, the governors
must meet to decide whether your child should come back.

## Challenging a permanent exclusion

1. The governors must meet within 15 school days to decide whether your child should come back. You
   can go to the meeting, speak, and bring a friend or adviser.
2. If the governors agree with the headteacher, you can ask for an independent review. You must ask
   within 15 school days of their letter.
3. At the review, you can ask for an expert in special educational needs to be there, even if the
   school says your child has no special needs.

The review panel cannot make the school take your child back, but it can tell the governors to
think again.

If you think the exclusion was discrimination because of your child's disability, you can make a
claim to the SEND tribunal. For discrimination because of race or religion, get legal advice
quickly, because the time limits are short.

## If your child has special educational needs

Children with special educational needs are excluded more often than other children. If your child
has an Education, Health and Care plan, ask the council for an early review of the plan. If your
child does not have one, but you think they have needs the school has missed, you can ask the
council for an assessment.

## Looking after your child

Being excluded can make a child feel rejected and ashamed. Try to keep a daily routine, and talk
about how they feel. Children who are out of school can be at more risk from people who want to
exploit them, so keep in touch with where your child is and who they are with.

## Getting help

A parent champion can help you understand the letters, write to the governors and come with you to
meetings. You can also get free advice from a school exclusion advice service or the SEND
information, advice and support service. A group for parents of excluded children can help you feel
less alone.
"""

_CHILD_PROTECTION_CONFERENCES_WHAT_TO_EXPECT_BODY = """## Why a conference is called

A child protection conference is arranged after a Section 47 enquiry, when social care thinks your
child may be at risk of serious harm. The first conference should happen within 15 working days of
the meeting where the enquiry started.

Being invited to a conference is very hard for any parent. Remember that the meeting is about how
to keep your child safe, and that you know your child best.

## Who will be there

- A chair, who runs the meeting. The chair is not your social worker and has not worked with your
  family.
- Your social worker.
- Other professionals who know your child, such as a teacher, a health visitor, a doctor or a
  police officer.
- You, and a person to support you.
- Sometimes your child, if they are old enough and want to come.

## Before the meeting

The social worker should share their report with you before the conference. Read it carefully and
mark anything that is wrong.

- Write down your own views, and what is going well for your family.
- Ask for an interpreter early if you need one.
- You can bring a friend, a parent champion, an advocate or a solicitor. A solicitor can support
  you, but they cannot run your side of the meeting as they would in court.
- Ask the chair if you can meet them for a few minutes before the conference starts.

## During the meeting

The chair will explain how the meeting works. Each professional shares what they know and what
worries them. You will be asked for your views. It is OK to say that you disagree, and to ask for
your words to be written down. If you feel upset, you can ask for a short break.

## The decision

At the end, the professionals decide whether your child needs a child protection plan. If they
decide that a plan is needed, it will say what kind of harm they are worried about, what needs to
change, and who will do what.

A small group called the core group, which includes you, meets within 10 working days to start work
on the plan. A review conference happens within three months, and then at least every six months,
until your child no longer needs the plan.

If the professionals decide that no plan is needed, your family may still be offered help, for
example as a child in need.

## If you disagree

Tell the chair at the meeting. Afterwards, ask the council how to challenge a conference decision.
Most councils have a way to do this, and it is different from the usual complaints process. Ask for
the details in writing.

## Getting help

A parent champion can help you read the report, prepare what you want to say and come with you. You
can also ask for an independent advocate, who helps parents have their say in meetings with social
care. A community group that speaks your language can support you too.
"""

_HOW_TO_COMPLAIN_BODY = """## Before you complain

Sometimes a problem can be solved by talking. You can ask for a meeting with the person involved,
or with their manager.

Whatever you decide, write down what happened, when and who was there. Keep copies of letters,
emails and text messages. Complaints are easier to look into when they are clear and specific.

## Complaining about children's social care

Councils must have a complaints process for children's social care. It usually has three stages:

1. **Stage 1.** A manager looks at your complaint. You should get a reply within 10 working days,
   or up to 20 if it is complicated.
2. **Stage 2.** If you are not happy with the reply, someone independent of the team investigates.
3. **Stage 3.** If you are still unhappy, a review panel looks at how your complaint was handled.

After this, you can ask the Local Government and Social Care Ombudsman to look at your complaint.
It is free.

## Complaining about a school

Every school must have a complaints policy, usually on its website. You normally start with the
teacher, then the headteacher, and then the governors. If the school did not follow its own
process, you can ask the Department for Education to look at it.

School exclusions have their own process with time limits, so read our guide on school exclusions
too.

## Complaining about the police

You can complain to the police force directly, online or at a police station. You can also complain
through the website of the Independent Office for Police Conduct, which will pass your complaint to
the right force. If your child was stopped and searched, ask for the search record. Write down the
officers' numbers, the time and the place.

## Discrimination and racism

The law says that schools, councils, health services and the police must not treat people unfairly
because of their race, religion, disability, sex or other protected parts of who they are. They
must also think about equality in everything they do.

If you think you or your child were treated unfairly because of who you are:

- Say so clearly in your complaint. Use the words "discrimination" or "racism".
- Give examples: what was said or done, by whom, and when.
- Explain the effect it had on you and your child.
- Ask how the organisation will look into it, and who will do this.
- Get legal advice early. If you want to take a case to court, the time limits are short, often six
  months.

A racist incident can also be reported to the police as a hate crime.

## Looking after yourself

Complaining can be tiring, especially when you are already stressed. You do not have to do it
alone, and making a complaint should not change the service your family gets.

## Getting help

A parent champion can help you write your complaint, check the time limits and go with you to
meetings. An independent advocacy service, a free legal advice service or a community group that
speaks your language can also help, especially if your complaint is about discrimination or racism.
"""

_STOP_AND_SEARCH_YOUR_CHILDS_RIGHTS_BODY = """## When the police can stop and search

A police officer can stop and search your child if they have "reasonable grounds" to suspect that
your child is carrying:

- illegal drugs;
- a weapon, such as a knife;
- stolen property;
- something that could be used to commit a crime.

The reason must be about your child and what they are doing. It must not be based only on their
race, age, clothes, hairstyle, or who their friends are.

Sometimes a senior officer allows searches without suspicion in one area for a short time, often
after serious violence. This is called a Section 60 order.

## What the officer must tell your child

Before the search, the officer must tell your child:

- their name or number, and their police station;
- what they are looking for, and why they suspect your child;
- the law they are using, and that your child is being held for a search;
- that your child can have a record of the search.

An officer who is not in uniform must show their warrant card.

## How the search must be done

- In public, the officer can only ask your child to take off an outer coat, jacket or gloves.
- A search that means taking off more clothes must happen out of public view, by an officer of the
  same sex.
- A search that shows the private parts of the body must never happen in the street or in a police
  vehicle. For a child, an appropriate adult should be there, except in an emergency.
- Many officers wear body cameras, so the search may be filmed.

## What your child can do

- Stay calm and polite, even if the search feels unfair.
- Do not run away or push the officer. This can lead to arrest.
- Your child does not normally have to give their name or address during a stop and search.
- Try to remember the officer's name or number, the time and the place.

## After the search

Your child has the right to a record of the search. They can get it straight away, or ask for it at
any time within three months. The record shows why they were searched and what the officer was
looking for.

Talk with your child about how they feel. Being searched can be upsetting, especially if it happens
often. Let them know it is not their fault.

If your child is arrested after a search, read our guide on what happens when your child is
arrested.

## If you think it was unfair

You can complain to the police force, even if nothing was found. It helps to have the search
record, the officer's number, and the names of anyone who saw what happened. Our guide on how to
complain explains the steps, including what to do if you think the search happened because of
racism.

## Getting help

A parent champion can listen, help you get the search record and help you make a complaint. A free
legal advice service for young people can explain your child's rights. A youth mentoring project
can support a young person who is stopped often.
"""

_OUT_OF_COURT_DISPOSALS_EXPLAINED_BODY = """## What an out-of-court disposal is

When a child aged 10 to 17 admits an offence, the police do not always send the case to court. For
less serious offences, they can use an out-of-court disposal instead. This can give your child a
chance to put things right without a criminal conviction.

In many areas, the police and the youth offending team decide together which outcome is best. The
youth offending team usually talks with your child and with you first.

## The main types

- **Community resolution.** An informal way to deal with a minor offence, often by saying sorry or
  repairing damage. It is not a caution or a conviction.
- **Youth caution.** A formal warning from the police. Your child must admit the offence.
  Afterwards, the youth offending team will usually meet your child and may offer support.
- **Youth conditional caution.** A caution with conditions, such as taking part in a programme,
  paying for damage or staying away from a place. If your child does not keep to the conditions,
  they could be taken to court for the offence.

## What it means for your child's record

None of these is a criminal conviction, but the police do keep a record.

A youth caution is "spent" straight away, and a youth conditional caution is usually spent after
three months. This means your child does not normally have to tell an employer or college about it.
Some jobs, such as work with children, need a more detailed check, and sometimes the police can
share information then.

## Before your child agrees

- Make sure your child has had free advice from a solicitor. A solicitor can check whether the
  police have enough evidence.
- Your child should only admit something they actually did.
- Ask what any conditions will be, and how long they last.
- Ask how answering or not answering questions in a police interview may affect this.
- If your child is not a British citizen, get advice first, because a caution can affect
  immigration applications.

## How you can help

You will usually be asked to be there when a caution is given. Help your child understand what it
means and what they have agreed to.

Support your child to keep to any conditions, and to go to their appointments with the
youth offending team. Tell the worker if something makes this hard, such as school times, travel
costs or your child's needs.

## Getting help

A parent champion can help you understand the options and prepare your questions. The
youth offending team can explain its own process, and a free legal advice service for young people
can check your child's case. A support group for parents of children in the youth justice system
can help you feel less alone.
"""

_READING_THE_PRE_SENTENCE_REPORT_BODY = """## What a pre-sentence report is

When a child pleads guilty or is found guilty, the court often asks the youth offending team to
write a pre-sentence report before it decides on a sentence. It is sometimes called a PSR.

The report helps the magistrates or judge understand your child, why the offence happened, and what
would help your child stay out of trouble.

## How it is written

A youth offending team worker will meet your child, often more than once, and will want to talk to
you too. They may also speak to your child's school, social worker or doctor.

This is your chance to share what you know, such as:

- your child's strengths and interests;
- any health problems or special educational needs;
- what is happening at home;
- what support has helped before, and what has not.

The court usually gives about two or three weeks for the report to be written.

## What the report contains

Most reports have these parts:

- the offence, and how your child explains it;
- your child's life: family, school, health, friends and interests;
- things that might make your child more likely to offend again, and things that protect them;
- any risks to other people, and to your child;
- a proposal: the sentence the writer thinks the court should give, such as a referral order or a
  youth rehabilitation order.

The court does not have to follow the proposal, but it will read it carefully.

## Reading it together

You, your child and the solicitor should see the report before the sentence is decided. Sometimes
this is only on the day of the hearing, so ask the solicitor if you can have time to read it.

- Find a quiet place. Read it slowly together, or ask the solicitor to read it with you.
- Stop if your child gets upset. Reading about yourself can be hard.
- Ask for an interpreter if you need one.
- Look for facts that are wrong, such as dates, names, school details or what your child said.
- Notice what the report says your child does well, and tell them.

## If something is wrong

Tell the solicitor as soon as you can, before the hearing starts. The solicitor can ask the writer
to correct it, or tell the court. Try to keep to facts.

If you disagree with the proposal, the solicitor can explain your view to the court.

## After the sentence

The youth offending team uses the report to plan its work with your child. Ask the solicitor
whether you can keep a copy. If you do, keep it private, and do not share it or post it online.

## Getting help

A parent champion can help you prepare for the report interview and think about your questions. The
youth offending team worker and your child's solicitor can explain the report. A support group for
parents of children in the youth justice system can help you feel less alone.
"""

GUIDES = [
    {
        "slug": "how-to-navigate-the-social-care-system",
        "topics": ["social-care", "parenting"],
        "services": [
            "parent-champions", "early-help", "childrens-front-door", "family-advocacy",
            "polish-families",
        ],
        "last_reviewed": "2026-10-01",
        "texts": {
            "en": {
                "title": "How to navigate the social care system",
                "summary": (
                    "Who is who in children's social care, what the different stages mean, and how "
                    "to make your voice heard."
                ),
                "body": _HOW_TO_NAVIGATE_THE_SOCIAL_CARE_SYSTEM_BODY,
            },
            "pl": {
                "title": "Jak poruszać się w systemie opieki społecznej",
                "summary": (
                    "Kto jest kim w opiece społecznej dla dzieci, co oznaczają kolejne etapy i jak "
                    "sprawić, by Państwa głos został wysłuchany."
                ),
                "body": None,
            },
            "ro": {
                "title": "Cum să vă descurcați în sistemul de asistență socială",
                "summary": (
                    "Cine este cine în serviciile sociale pentru copii, ce înseamnă diferitele "
                    "etape și cum să vă faceți auzită vocea."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਸਮਾਜਿਕ ਦੇਖਭਾਲ ਪ੍ਰਣਾਲੀ ਵਿੱਚ ਆਪਣਾ ਰਾਹ ਕਿਵੇਂ ਲੱਭੀਏ",
                "summary": (
                    "ਬੱਚਿਆਂ ਦੀ ਸਮਾਜਿਕ ਦੇਖਭਾਲ ਵਿੱਚ ਕੌਣ ਕੀ ਕਰਦਾ ਹੈ, ਵੱਖ-ਵੱਖ ਪੜਾਵਾਂ ਦਾ ਕੀ ਮਤਲਬ ਹੈ, "
                    "ਅਤੇ ਆਪਣੀ ਗੱਲ ਕਿਵੇਂ ਸੁਣਾਈਏ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "سوشل کیئر کے نظام کو کیسے سمجھیں اور اس میں راستہ کیسے نکالیں",
                "summary": (
                    "بچوں کی سوشل کیئر میں کون کیا کرتا ہے، مختلف مراحل کا کیا مطلب ہے، اور اپنی "
                    "بات کیسے سنوائیں۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Sida loo maro nidaamka daryeelka bulshada",
                "summary": (
                    "Cidda waxa qabata daryeelka bulshada ee carruurta, waxa heerarka kala duwan "
                    "ka dhigan yihiin, iyo sida codkaaga loo maqlo."
                ),
                "body": None,
            },
            "ar": {
                "title": "كيف تتعامل مع نظام الرعاية الاجتماعية",
                "summary": (
                    "من يفعل ماذا في الرعاية الاجتماعية للأطفال، وماذا تعني المراحل المختلفة، وكيف "
                    "تُسمِع صوتك."
                ),
                "body": None,
            },
        },
    },
    {
        "slug": "what-happens-when-your-child-is-arrested",
        "topics": ["police", "youth-justice"],
        "services": [
            "appropriate-adults", "law-centre", "youth-justice-service",
            "youth-justice-parents-group", "parent-champions",
        ],
        "last_reviewed": "2026-09-15",
        "texts": {
            "en": {
                "title": "What happens when your child is arrested",
                "summary": (
                    "What happens at the police station, your child's rights, and how you can help."
                ),
                "body": _WHAT_HAPPENS_WHEN_YOUR_CHILD_IS_ARRESTED_BODY,
            },
            "pl": {
                "title": "Co się dzieje, gdy Państwa dziecko zostanie zatrzymane",
                "summary": (
                    "Co dzieje się na komisariacie, jakie prawa ma dziecko i jak mogą Państwo "
                    "pomóc."
                ),
                "body": None,
            },
            "ro": {
                "title": "Ce se întâmplă când copilul dumneavoastră este arestat",
                "summary": (
                    "Ce se întâmplă la secția de poliție, ce drepturi are copilul și cum îl puteți "
                    "ajuta."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਜਦੋਂ ਤੁਹਾਡੇ ਬੱਚੇ ਨੂੰ ਗ੍ਰਿਫ਼ਤਾਰ ਕੀਤਾ ਜਾਂਦਾ ਹੈ ਤਾਂ ਕੀ ਹੁੰਦਾ ਹੈ",
                "summary": (
                    "ਪੁਲਿਸ ਸਟੇਸ਼ਨ ਵਿੱਚ ਕੀ ਹੁੰਦਾ ਹੈ, ਤੁਹਾਡੇ ਬੱਚੇ ਦੇ ਅਧਿਕਾਰ ਕੀ ਹਨ, ਅਤੇ ਤੁਸੀਂ ਕਿਵੇਂ "
                    "ਮਦਦ ਕਰ ਸਕਦੇ ਹੋ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "جب آپ کے بچے کو گرفتار کیا جائے تو کیا ہوتا ہے",
                "summary": (
                    "پولیس اسٹیشن میں کیا ہوتا ہے، آپ کے بچے کے حقوق کیا ہیں، اور آپ کیسے مدد کر "
                    "سکتے ہیں۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Waxa dhaca marka ilmahaaga la xiro",
                "summary": (
                    "Waxa ka dhaca saldhigga booliska, xuquuqda ilmahaaga, iyo sida aad u caawin "
                    "karto."
                ),
                "body": None,
            },
            "ar": {
                "title": "ماذا يحدث عند القبض على طفلك",
                "summary": "ما الذي يحدث في مركز الشرطة، وما حقوق طفلك، وكيف يمكنك المساعدة.",
                "body": None,
            },
        },
    },
    {
        "slug": "what-happens-at-youth-court",
        "topics": ["youth-justice"],
        "services": [
            "youth-justice-service", "law-centre", "youth-justice-parents-group",
            "parent-champions",
        ],
        "last_reviewed": "2026-09-15",
        "texts": {
            "en": {
                "title": "What happens at youth court",
                "summary": (
                    "Who you will meet, what happens in the courtroom, and the sentences the court "
                    "can give."
                ),
                "body": _WHAT_HAPPENS_AT_YOUTH_COURT_BODY,
            },
            "pl": {
                "title": "Co dzieje się w sądzie dla nieletnich",
                "summary": (
                    "Kogo Państwo spotkają, co dzieje się na sali sądowej i jakie wyroki może "
                    "wydać sąd."
                ),
                "body": None,
            },
            "ro": {
                "title": "Ce se întâmplă la instanța pentru minori",
                "summary": (
                    "Pe cine veți întâlni, ce se întâmplă în sala de judecată și ce pedepse poate "
                    "da instanța."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਨੌਜਵਾਨਾਂ ਦੀ ਅਦਾਲਤ (ਯੂਥ ਕੋਰਟ) ਵਿੱਚ ਕੀ ਹੁੰਦਾ ਹੈ",
                "summary": (
                    "ਤੁਸੀਂ ਕਿਸ ਨੂੰ ਮਿਲੋਗੇ, ਅਦਾਲਤ ਦੇ ਕਮਰੇ ਵਿੱਚ ਕੀ ਹੁੰਦਾ ਹੈ, ਅਤੇ ਅਦਾਲਤ ਕਿਹੜੀਆਂ "
                    "ਸਜ਼ਾਵਾਂ ਦੇ ਸਕਦੀ ਹੈ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "یوتھ کورٹ (نوعمروں کی عدالت) میں کیا ہوتا ہے",
                "summary": (
                    "آپ کس سے ملیں گے، کمرۂ عدالت میں کیا ہوتا ہے، اور عدالت کون سی سزائیں دے سکتی "
                    "ہے۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Waxa ka dhaca maxkamadda dhalinyarada",
                "summary": (
                    "Cidda aad la kulmi doonto, waxa ka dhaca qolka maxkamadda, iyo xukunnada ay "
                    "maxkamaddu bixin karto."
                ),
                "body": None,
            },
            "ar": {
                "title": "ماذا يحدث في محكمة الأحداث",
                "summary": (
                    "من ستقابل، وماذا يحدث في قاعة المحكمة، وما الأحكام التي يمكن أن تصدرها "
                    "المحكمة."
                ),
                "body": None,
            },
        },
    },
    {
        "slug": "if-your-child-is-excluded-from-school",
        "topics": ["school-exclusions", "send"],
        "services": [
            "exclusions-advice", "excluded-parents-group", "sendiass", "education-law",
            "parent-champions",
        ],
        "last_reviewed": "2026-10-01",
        "texts": {
            "en": {
                "title": "If your child is excluded from school",
                "summary": (
                    "Suspensions and permanent exclusions: your child's right to education, and "
                    "how to challenge the decision."
                ),
                "body": _IF_YOUR_CHILD_IS_EXCLUDED_FROM_SCHOOL_BODY,
            },
            "pl": {
                "title": "Jeśli Państwa dziecko zostanie usunięte ze szkoły",
                "summary": (
                    "Zawieszenie i trwałe usunięcie ze szkoły: prawo dziecka do nauki i jak "
                    "zakwestionować decyzję."
                ),
                "body": None,
            },
            "ro": {
                "title": "Dacă copilul dumneavoastră este exmatriculat",
                "summary": (
                    "Suspendarea și exmatricularea definitivă: dreptul copilului la educație și "
                    "cum puteți contesta decizia."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਜੇ ਤੁਹਾਡੇ ਬੱਚੇ ਨੂੰ ਸਕੂਲੋਂ ਕੱਢ ਦਿੱਤਾ ਜਾਵੇ",
                "summary": (
                    "ਮੁਅੱਤਲੀ ਅਤੇ ਪੱਕੇ ਤੌਰ 'ਤੇ ਸਕੂਲੋਂ ਕੱਢਣਾ: ਤੁਹਾਡੇ ਬੱਚੇ ਦਾ ਸਿੱਖਿਆ ਦਾ ਹੱਕ, ਅਤੇ "
                    "ਫ਼ੈਸਲੇ ਨੂੰ ਚੁਣੌਤੀ ਕਿਵੇਂ ਦੇਣੀ ਹੈ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "اگر آپ کے بچے کو اسکول سے نکال دیا جائے",
                "summary": (
                    "معطلی اور مستقل اخراج: آپ کے بچے کا تعلیم کا حق، اور فیصلے کو کیسے چیلنج کریں۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Haddii ilmahaaga laga saaro dugsiga",
                "summary": (
                    "Hakin iyo ka saarid joogto ah: xaqa ilmahaagu u leeyahay waxbarasho, iyo sida "
                    "looga doodo go'aanka."
                ),
                "body": None,
            },
            "ar": {
                "title": "إذا فُصل طفلك من المدرسة",
                "summary": (
                    "الإيقاف المؤقت والفصل النهائي: حق طفلك في التعليم، وكيف تعترض على القرار."
                ),
                "body": None,
            },
        },
    },
    {
        "slug": "child-protection-conferences-what-to-expect",
        "topics": ["social-care"],
        "services": [
            "family-advocacy", "childrens-front-door", "parent-champions", "somali-parents",
        ],
        "last_reviewed": "2026-08-20",
        "texts": {
            "en": {
                "title": "Child protection conferences: what to expect",
                "summary": (
                    "Why a conference is called, who will be there, and how you can take part and "
                    "be heard."
                ),
                "body": _CHILD_PROTECTION_CONFERENCES_WHAT_TO_EXPECT_BODY,
            },
            "pl": {
                "title": "Konferencja w sprawie ochrony dziecka: czego się spodziewać",
                "summary": (
                    "Dlaczego zwołuje się konferencję, kto na niej będzie i jak mogą Państwo wziąć "
                    "w niej udział i zostać wysłuchani."
                ),
                "body": None,
            },
            "ro": {
                "title": "Conferințele pentru protecția copilului: la ce să vă așteptați",
                "summary": (
                    "De ce se organizează o conferință, cine participă și cum puteți lua parte și "
                    "fi ascultați."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਬਾਲ ਸੁਰੱਖਿਆ ਕਾਨਫ਼ਰੰਸ: ਕੀ ਉਮੀਦ ਰੱਖੀਏ",
                "summary": (
                    "ਕਾਨਫ਼ਰੰਸ ਕਿਉਂ ਬੁਲਾਈ ਜਾਂਦੀ ਹੈ, ਉੱਥੇ ਕੌਣ ਹੋਵੇਗਾ, ਅਤੇ ਤੁਸੀਂ ਕਿਵੇਂ ਹਿੱਸਾ ਲੈ ਸਕਦੇ "
                    "ਹੋ ਅਤੇ ਆਪਣੀ ਗੱਲ ਸੁਣਾ ਸਕਦੇ ਹੋ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "چائلڈ پروٹیکشن کانفرنس: کیا توقع رکھیں",
                "summary": (
                    "کانفرنس کیوں بلائی جاتی ہے، اس میں کون ہوگا، اور آپ کیسے حصہ لے سکتے ہیں اور "
                    "اپنی بات سنوا سکتے ہیں۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Shirarka ilaalinta ilmaha: waxa la filayo",
                "summary": (
                    "Sababta shirka loo qabto, cidda ka qaybgalaysa, iyo sida aad uga qaybqaadan "
                    "karto oo codkaaga loo maqli karo."
                ),
                "body": None,
            },
            "ar": {
                "title": "مؤتمرات حماية الطفل: ماذا تتوقع",
                "summary": "لماذا يُعقد المؤتمر، ومن سيحضره، وكيف يمكنك المشاركة وإسماع رأيك.",
                "body": None,
            },
        },
    },
    {
        "slug": "how-to-complain",
        "topics": ["social-care", "school-exclusions", "police"],
        "services": ["family-advocacy", "law-centre", "parent-champions", "exclusions-advice"],
        "last_reviewed": "2026-10-01",
        "texts": {
            "en": {
                "title": "How to complain, and how to raise discrimination or racism",
                "summary": (
                    "Step by step: complaining about social care, a school or the police, and what "
                    "to do if you think you were treated unfairly because of who you are."
                ),
                "body": _HOW_TO_COMPLAIN_BODY,
            },
            "pl": {
                "title": "Jak złożyć skargę i jak zgłosić dyskryminację lub rasizm",
                "summary": (
                    "Krok po kroku: skarga na opiekę społeczną, szkołę lub policję oraz co zrobić, "
                    "jeśli uważają Państwo, że potraktowano Państwa niesprawiedliwie z powodu "
                    "tego, kim Państwo są."
                ),
                "body": None,
            },
            "ro": {
                "title": "Cum să faceți o plângere și cum să semnalați discriminarea sau rasismul",
                "summary": (
                    "Pas cu pas: plângeri despre asistența socială, o școală sau poliție și ce să "
                    "faceți dacă credeți că ați fost tratați nedrept din cauza a ceea ce sunteți."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਸ਼ਿਕਾਇਤ ਕਿਵੇਂ ਕਰੀਏ, ਅਤੇ ਵਿਤਕਰੇ ਜਾਂ ਨਸਲਵਾਦ ਬਾਰੇ ਆਵਾਜ਼ ਕਿਵੇਂ ਉਠਾਈਏ",
                "summary": (
                    "ਕਦਮ-ਦਰ-ਕਦਮ: ਸਮਾਜਿਕ ਦੇਖਭਾਲ, ਸਕੂਲ ਜਾਂ ਪੁਲਿਸ ਬਾਰੇ ਸ਼ਿਕਾਇਤ, ਅਤੇ ਜੇ ਤੁਹਾਨੂੰ ਲੱਗੇ "
                    "ਕਿ ਤੁਹਾਡੀ ਪਛਾਣ ਕਰਕੇ ਤੁਹਾਡੇ ਨਾਲ ਬੇਇਨਸਾਫ਼ੀ ਹੋਈ ਹੈ ਤਾਂ ਕੀ ਕਰੀਏ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "شکایت کیسے کریں، اور امتیازی سلوک یا نسل پرستی کے خلاف آواز کیسے اٹھائیں",
                "summary": (
                    "مرحلہ وار: سوشل کیئر، اسکول یا پولیس کے بارے میں شکایت، اور اگر آپ کو لگے کہ "
                    "آپ کی پہچان کی وجہ سے آپ کے ساتھ ناانصافی ہوئی ہے تو کیا کریں۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Sida cabasho loo gudbiyo, iyo sida looga hadlo takoorka ama cunsuriyadda",
                "summary": (
                    "Tallaabo tallaabo: cabasho ka dhan ah daryeelka bulshada, dugsi ama booliska, "
                    "iyo waxa la sameeyo haddii aad u malaynayso in si aan caddaalad ahayn laguula "
                    "dhaqmay sababtoo ah cidda aad tahay."
                ),
                "body": None,
            },
            "ar": {
                "title": "كيف تقدّم شكوى، وكيف تُبلغ عن التمييز أو العنصرية",
                "summary": (
                    "خطوة بخطوة: تقديم شكوى بشأن الرعاية الاجتماعية أو المدرسة أو الشرطة، وماذا "
                    "تفعل إذا شعرت أنك عوملت بظلم بسبب هويتك."
                ),
                "body": None,
            },
        },
    },
    {
        "slug": "stop-and-search-your-childs-rights",
        "topics": ["police", "youth-justice"],
        "services": ["law-centre", "northfield-rising", "parent-champions", "keeping-safe"],
        "last_reviewed": "2026-09-01",
        "texts": {
            "en": {
                "title": "Stop and search: your child's rights",
                "summary": (
                    "When the police can search your child, what they must tell them, and what to "
                    "do afterwards."
                ),
                "body": _STOP_AND_SEARCH_YOUR_CHILDS_RIGHTS_BODY,
            },
            "pl": {
                "title": "Zatrzymanie i przeszukanie: prawa Państwa dziecka",
                "summary": (
                    "Kiedy policja może przeszukać dziecko, co musi mu powiedzieć i co zrobić "
                    "potem."
                ),
                "body": None,
            },
            "ro": {
                "title": "Oprirea și percheziția: drepturile copilului dumneavoastră",
                "summary": (
                    "Când poate poliția să vă percheziționeze copilul, ce trebuie să-i spună și ce "
                    "să faceți după aceea."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਰੋਕ ਕੇ ਤਲਾਸ਼ੀ: ਤੁਹਾਡੇ ਬੱਚੇ ਦੇ ਅਧਿਕਾਰ",
                "summary": (
                    "ਪੁਲਿਸ ਤੁਹਾਡੇ ਬੱਚੇ ਦੀ ਤਲਾਸ਼ੀ ਕਦੋਂ ਲੈ ਸਕਦੀ ਹੈ, ਉਸਨੂੰ ਕੀ ਦੱਸਣਾ ਜ਼ਰੂਰੀ ਹੈ, ਅਤੇ "
                    "ਬਾਅਦ ਵਿੱਚ ਕੀ ਕਰਨਾ ਹੈ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "روک کر تلاشی: آپ کے بچے کے حقوق",
                "summary": (
                    "پولیس آپ کے بچے کی تلاشی کب لے سکتی ہے، اسے کیا بتانا ضروری ہے، اور بعد میں "
                    "کیا کرنا چاہیے۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Joojinta iyo baaritaanka: xuquuqda ilmahaaga",
                "summary": (
                    "Goorta booliisku baari karo ilmahaaga, waxa ay tahay inay u sheegaan, iyo "
                    "waxa la sameeyo kadib."
                ),
                "body": None,
            },
            "ar": {
                "title": "الإيقاف والتفتيش: حقوق طفلك",
                "summary": (
                    "متى يمكن للشرطة تفتيش طفلك، وما الذي يجب أن تخبره به، وماذا تفعل بعد ذلك."
                ),
                "body": None,
            },
        },
    },
    {
        "slug": "out-of-court-disposals-explained",
        "topics": ["youth-justice", "police"],
        "services": [
            "youth-justice-service", "law-centre", "youth-justice-parents-group",
            "parent-champions",
        ],
        "last_reviewed": "2026-09-15",
        "texts": {
            "en": {
                "title": "Out-of-court disposals explained",
                "summary": (
                    "Community resolutions, youth cautions and youth conditional cautions: what "
                    "they mean, and what to ask before your child agrees."
                ),
                "body": _OUT_OF_COURT_DISPOSALS_EXPLAINED_BODY,
            },
            "pl": {
                "title": "Rozstrzygnięcia pozasądowe: wyjaśnienie",
                "summary": (
                    "Rozwiązanie społeczne, pouczenie dla nieletnich i pouczenie warunkowe: co "
                    "oznaczają i o co zapytać, zanim dziecko się zgodzi."
                ),
                "body": None,
            },
            "ro": {
                "title": "Soluțiile fără instanță, pe înțelesul tuturor",
                "summary": (
                    "Rezolvarea în comunitate, avertismentul pentru minori și avertismentul cu "
                    "condiții: ce înseamnă și ce să întrebați înainte să accepte copilul."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਅਦਾਲਤ ਤੋਂ ਬਾਹਰ ਨਿਪਟਾਰੇ: ਸੌਖੇ ਸ਼ਬਦਾਂ ਵਿੱਚ",
                "summary": (
                    "ਕਮਿਊਨਿਟੀ ਰੈਜ਼ੋਲੂਸ਼ਨ, ਯੂਥ ਕੌਸ਼ਨ ਅਤੇ ਸ਼ਰਤਾਂ ਵਾਲੀ ਯੂਥ ਕੌਸ਼ਨ: ਇਹਨਾਂ ਦਾ ਕੀ ਮਤਲਬ "
                    "ਹੈ, ਅਤੇ ਬੱਚੇ ਦੇ ਸਹਿਮਤ ਹੋਣ ਤੋਂ ਪਹਿਲਾਂ ਕੀ ਪੁੱਛਣਾ ਹੈ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "عدالت سے باہر تصفیے: آسان الفاظ میں",
                "summary": (
                    "کمیونٹی ریزولوشن، یوتھ کاشن اور مشروط یوتھ کاشن: ان کا کیا مطلب ہے، اور بچے "
                    "کے رضامند ہونے سے پہلے کیا پوچھیں۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Xallinta kiisaska aan maxkamadda la gaarsiin oo la sharraxay",
                "summary": (
                    "Xallinta bulshada, digniinta dhalinyarada iyo digniinta shuruudaysan: waxa ay "
                    "ka dhigan yihiin, iyo waxa la weydiiyo ka hor inta uusan ilmahaagu ogolaan."
                ),
                "body": None,
            },
            "ar": {
                "title": "شرح الإجراءات خارج المحكمة",
                "summary": (
                    "الحل المجتمعي، والإنذار الرسمي للأحداث، والإنذار المشروط: ماذا تعني، وما الذي "
                    "يجب أن تسأل عنه قبل أن يوافق طفلك."
                ),
                "body": None,
            },
        },
    },
    {
        "slug": "reading-the-pre-sentence-report-with-your-child",
        "topics": ["youth-justice"],
        "services": [
            "youth-justice-service", "law-centre", "youth-justice-parents-group",
            "parent-champions",
        ],
        "last_reviewed": "2026-09-15",
        "texts": {
            "en": {
                "title": "Reading the pre-sentence report with your child",
                "summary": (
                    "What the report contains, how it is written, and how to read it together "
                    "calmly before the sentence."
                ),
                "body": _READING_THE_PRE_SENTENCE_REPORT_BODY,
            },
            "pl": {
                "title": "Czytanie raportu przedwyrokowego razem z dzieckiem",
                "summary": (
                    "Co zawiera raport, jak powstaje i jak spokojnie przeczytać go razem przed "
                    "wydaniem wyroku."
                ),
                "body": None,
            },
            "ro": {
                "title": "Citiți împreună cu copilul raportul dinaintea sentinței",
                "summary": (
                    "Ce conține raportul, cum este scris și cum îl puteți citi împreună, cu calm, "
                    "înainte de pronunțarea sentinței."
                ),
                "body": None,
            },
            "pa": {
                "title": "ਸਜ਼ਾ ਤੋਂ ਪਹਿਲਾਂ ਦੀ ਰਿਪੋਰਟ ਆਪਣੇ ਬੱਚੇ ਨਾਲ ਪੜ੍ਹਨਾ",
                "summary": (
                    "ਰਿਪੋਰਟ ਵਿੱਚ ਕੀ ਹੁੰਦਾ ਹੈ, ਇਹ ਕਿਵੇਂ ਲਿਖੀ ਜਾਂਦੀ ਹੈ, ਅਤੇ ਸਜ਼ਾ ਤੋਂ ਪਹਿਲਾਂ ਇਸਨੂੰ "
                    "ਸ਼ਾਂਤੀ ਨਾਲ ਇਕੱਠੇ ਕਿਵੇਂ ਪੜ੍ਹਨਾ ਹੈ।"
                ),
                "body": None,
            },
            "ur": {
                "title": "سزا سے پہلے کی رپورٹ اپنے بچے کے ساتھ پڑھنا",
                "summary": (
                    "رپورٹ میں کیا ہوتا ہے، یہ کیسے لکھی جاتی ہے، اور سزا سے پہلے اسے سکون سے مل "
                    "کر کیسے پڑھیں۔"
                ),
                "body": None,
            },
            "so": {
                "title": "Akhrinta warbixinta ka horraysa xukunka adiga iyo ilmahaaga",
                "summary": (
                    "Waxa ay warbixintu ka kooban tahay, sida loo qoro, iyo sida aad si deggan ugu "
                    "wada akhrin kartaan ka hor xukunka."
                ),
                "body": None,
            },
            "ar": {
                "title": "قراءة تقرير ما قبل الحكم مع طفلك",
                "summary": "ماذا يتضمن التقرير، وكيف يُكتب، وكيف تقرآنه معًا بهدوء قبل صدور الحكم.",
                "body": None,
            },
        },
    },
]
