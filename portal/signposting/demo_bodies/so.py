"""Somali translations of two demo guides (drafts awaiting review by a native speaker)."""

from __future__ import annotations

BODIES = {
    "what-happens-at-youth-court": """## Waa maxay maxkamadda dhalinyarada

Maxkamadda dhalinyarada (youth court) waa nooc ka mid ah maxkamadda garsoorayaasha
(magistrates' court), oo loogu talagalay carruurta da'doodu u dhexeyso 10 ilaa 17 sano. Kiisaska
waxaa dhageysta saddex garsoore oo aan xirfadle ahayn (magistrates), kuwaas oo ah mutadawiciin la
tababaray oo ka yimid deegaanka, ama hal garsoore oo xirfadle ah (district judge).

Maxkamaddan way ka rasmi yar tahay maxkamadda dadka waaweyn. Dadku inta badan waxay isugu yeeraan
magacyada hore, qof walbana isku heer ayuu fadhiyaa. Dadweynuhu ma soo geli karaan. Wariyayaashu way
soo geli karaan, laakiin sida caadiga ah looma oggola inay sheegaan magaca ilmahaaga.

## Ka hor dhageysiga maxkamadda

- Haddii ilmahaagu ka yar yahay 16 sano, maxkamaddu waxay filaysaa in waalid ama qofka daryeela
  ilmaha (carer) uu la yimaado. Haddii ilmahaagu yahay 16 ama 17 sano, maxkamaddu waxay kaa codsan
  kartaa inaad adiguna timaaddo.
- Inta badan ilmahaagu wuxuu bilaash ku heli karaa qareen (solicitor), iyada oo loo marayo gargaarka
  sharciga (legal aid). Haddii aadan qareen lahayn, marka aad timaaddo weydii qareenka maalintaas
  maxkamadda jooga (duty solicitor).
- Keen warqadda maxkamadda ama warqadda eedda (charge sheet), oo goor hore imow. Albaabka waxaa lagu
  sameeyaa baaritaan ammaan.
- Ilmahaagu ha xirto dhar nadiif ah oo habsami ah, oo ha damiyo taleefankiisa marka uu joogo qolka
  maxkamadda.
- Haddii ilmahaagu ama adigu u baahan tihiin turjumaan, u sheeg qareenka ama maxkamadda ka hor
  maalinta dhageysiga.

## Gudaha qolka maxkamadda

La-taliyaha sharciga (legal adviser) ayaa hubiya magaca, da'da iyo cinwaanka ilmahaaga. Kadib eedda
ayaa kor loo akhriyaa, waxaana ilmahaaga la weydiiyaa inuu qirayo eedda (plead guilty) ama inuu
diidayo (plead not guilty). Ka hor intaan taasi dhicin, qareenkiisa ayaa ka caawin doona inuu go'aan
gaaro.

Garsoorayaashu si toos ah ayay ula hadli karaan ilmahaaga, iyo adigaba. Dhib ma leh inaad sheegto in
aadan wax fahmin. Waxaad qareenka ka codsan kartaa inuu wax kuu sharxo inta lagu jiro nasashada.

## Haddii ilmahaagu diido eedda

Maxkamaddu waxay qabanaysaa maalin dacwadda la dhageysanayo (trial). Maalintaas, markhaatiyaal ayaa
markhaati furaya, garsoorayaashuna waxay go'aamiyaan in ilmahaagu dembiile yahay iyo in kale.

Ilaa intaas, maxkamaddu waxay go'aamisaa meesha ilmahaagu joogayo inta uu sugayo (remand). Ilmahaagu
wuxuu guriga ku aadi karaa dammaanad (bail), mararka qaarkood shuruud la socoto, sida bandow
(curfew), taas oo ah inuu guriga joogo saacado go'an. Kiisaska aadka u culus, waxaa laga yaabaa in
la geeyo hoy ay golaha degaanku bixiyaan (council accommodation) ama xarun lagu hayo dhalinyarada
(youth detention).

## Haddii ilmahaagu qirto eedda ama lagu helo dembi

Maxkamaddu isla markiiba way xukumi kartaa. Inta badan, marka hore waxay kooxda dembiyada
dhalinyarada (Youth Offending Team) ka codsataa inay qoraan warbixin ka horreysa xukunka
(pre-sentence report). Qofka qoraya warbixinta ayaa la hadli doona ilmahaaga iyo adiga. Xukunnada
waxaa ka mid ah:

- **amarka gudbinta** (referral order), oo inta badan la siiyo ilmaha qirta eedda markii ugu
  horreysay;
- **amarka dhaqan-celinta dhalinyarada** (youth rehabilitation order), oo leh hawlo iyo kormeer,
  iyadoo ilmuhu bulshada dhexdeeda ku nool yahay;
- ganaax, ama sii-dayn (discharge);
- **amarka xarigga iyo tababarka** (detention and training order), taas oo macnaheedu yahay muddo
  xabsi (custody) ah. Tan waxaa loo isticmaalaa oo keliya kiisaska ugu culus.

Maxkamaddu waxay sidoo kale bixin kartaa amarka barbaarinta (parenting order). Amarkan wuxuu
waalidka ka codsadaa inuu aado fadhiyo lagu barto barbaarinta. Kiis aad u culus waxaa loo gudbin
karaa maxkamad sare oo la yiraahdo Maxkamadda Crown (Crown Court).

## Maxkamadda kadib

Hubi in adiga iyo ilmahaaguba fahantaan go'aanka iyo waxa xiga. Qareenka ama qofka ka shaqeeya
kooxda dembiyada dhalinyarada ka codso inuu kuu sharxo wax kasta oo aan kuu caddayn. Qor taariikh
kasta oo ilmahaagu ay tahay inuu xasuusto.

## Halka aad caawimaad ka heli karto

La hadal waalid horyaal ah ka hor dhageysiga maxkamadda. Wuxuu kaa caawin karaa inaad diyaariso
su'aalo, waxaana laga yaabaa inuu maxkamadda kula tago. Kooxda dembiyada dhalinyarada, adeeg
la-talin sharci oo bilaash ah oo loogu talagalay dhalinyarada, iyo koox taageero oo loogu talagalay
waalidiinta carruurtoodu ku jiraan nidaamka caddaaladda dhalinyarada (youth justice system) ayaa
iyaguna caawin kara adiga iyo ilmahaaga.
""",
    "if-your-child-is-excluded-from-school": """## Laba nooc oo ka saarid ah

Hagahan wuxuu ku saabsan yahay dugsiyada dalka England.

- **Hakin** (suspension) macnaheedu waa in ilmahaagu uusan dugsiga iman tiro maalmo ah oo go'an.
  Ilmaha waxaa la hakin karaa ilaa 45 maalmood oo dugsi ah hal sannad dugsiyeed gudihiis.
- **Ka saarid joogto ah** (permanent exclusion) macnaheedu waa in ilmahaagu uusan dib ugu noqon
  karin dugsigaas. Waa in loo isticmaalo oo keliya sidii xalka ugu dambeeya.

Maamulaha dugsiga (headteacher) oo keliya ayaa arday ka saari kara dugsiga. Dugsigu waa inuu
dib-u-dhac la'aan kuu sheegaa, kadibna qoraal ahaan kuu soo diraa, sababta ilmahaaga looga saaray
iyo muddada uu maqnaanayo. Looma oggola in ilmaha guriga loo diro "si uu u dego" iyada oo aan la
samayn ka saarid rasmi ah (formal exclusion), xitaa haddii dugsigu magac kale u bixiyo.

## Maalmaha ugu horreeya

- Dugsigu waa inuu ilmahaaga siiyaa shaqo dugsi oo uu sameeyo, kadibna uu saxo.
- Shanta maalmood ee dugsi ee ugu horreeya, ilmahaagu waa inuusan joogin meel dadweyne inta lagu
  jiro saacadaha dugsiga, haddii aysan jirin sabab wanaagsan. Adiga ayaa laga yaabaa in lagu
  ganaaxo.
- Laga bilaabo maalinta lixaad ee dugsiga, ilmahaagu waa inuu helaa waxbarasho ku habboon oo waqti
  buuxa ah. Haddii ay tahay hakin, dugsiga ayaa tan diyaariya. Haddii ay tahay ka saarid joogto ah,
  golaha degaanka ayaa diyaariya.

## Ka doodista hakinta

Mar walba waxaad guddiga maamulka dugsiga (school governors) u qori kartaa fikradahaaga ku saabsan
hakinta. Haddii hakintu keento in ilmahaagu seego in ka badan 15 maalmood oo dugsi hal xilli
dugsiyeed (term) gudihiis, ama uu seego imtixaan rasmi ah (public exam), guddiga maamulku waa inay
kulmaan si ay u go'aamiyaan in ilmahaagu dib u soo laabto iyo in kale.

## Ka doodista ka saarista joogtada ah

1. Guddiga maamulku waa inay kulmaan 15 maalmood oo dugsi gudahood, si ay u go'aamiyaan in ilmahaagu
   dib u soo laabto iyo in kale. Waad iman kartaa shirka, waad hadli kartaa, waxaadna la iman kartaa
   saaxiib ama la-taliye.
2. Haddii guddiga maamulku ku raacaan maamulaha dugsiga, waxaad codsan kartaa dib-u-eegis
   madax-bannaan (independent review). Waa inaad codsataa 15 maalmood oo dugsi gudahood laga bilaabo
   warqaddooda.
3. Marka dib-u-eegista la samaynayo, waxaad codsan kartaa in khabiir ku takhasusay baahiyaha
   waxbarasho ee gaarka ah (special educational needs) uu goobjoog ahaado, xitaa haddii dugsigu
   sheego in ilmahaagu aanu qabin baahiyo gaar ah.

Guddiga dib-u-eegista (review panel) kuma qasbi karo dugsiga inuu ilmahaaga dib u qaato, laakiin
wuxuu guddiga maamulka u sheegi karaa inay mar kale ka fekeraan go'aanka.

Haddii aad u malaynayso in ka saaristu ahayd takoor (discrimination) loo geystay ilmahaaga
naafonimadiisa darteed, waxaad dacwad (claim) u gudbin kartaa maxkamadda gaarka ah ee SEND
(SEND tribunal). Haddii takoorku ahaa isir ama diin darteed, si degdeg ah u raadso talo sharci,
sababtoo ah muddada loo qabtay way gaaban tahay.

## Haddii ilmahaagu qabo baahiyo waxbarasho oo gaar ah

Carruurta qaba baahiyaha waxbarasho ee gaarka ah ayaa dugsiga laga saaraa marar ka badan carruurta
kale. Haddii ilmahaagu leeyahay Qorshe Waxbarasho, Caafimaad iyo Daryeel
(Education, Health and Care plan), ka codso golaha degaanka inay qorshaha dib u eegaan goor hore.
Haddii ilmahaagu aanu qorshahan lahayn, laakiin aad u malaynayso inuu qabo baahiyo uusan dugsigu
ogaan, waxaad golaha degaanka ka codsan kartaa qiimayn (assessment).

## Daryeelka ilmahaaga

Ka saarista dugsiga waxay ilmaha ka dhigi kartaa inuu dareemo in la diiday oo uu ceeb dareemo. Isku
day inaad ilaaliso nidaam maalinle ah, oo kala hadal sida uu dareemayo. Carruurta dugsiga ka maqan
waxay khatar dheeraad ah uga jiri karaan dadka doonaya inay si xun uga faa'iidaystaan, sidaas
darteed la soco meesha ilmahaagu joogo iyo cidda uu la joogo.

## Halka aad caawimaad ka heli karto

Waalid horyaal ah ayaa kaa caawin kara inaad fahanto warqadaha, inaad u qorto guddiga maamulka,
wuxuuna kula iman karaa shirarka. Waxaad sidoo kale talo bilaash ah ka heli kartaa adeeg la-talin oo
ku saabsan ka saarista dugsiga, ama adeegga macluumaadka, la-talinta iyo taageerada SEND
(SEND information, advice and support service). Koox loogu talagalay waalidiinta carruurtooda
dugsiga laga saaray ayaa kaa caawin karta inaadan dareemin inaad keligaa tahay.
""",
}
