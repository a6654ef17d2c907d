"""Romanian translations of two demo guides (drafts awaiting review by a native speaker)."""

from __future__ import annotations

BODIES = {
    "what-happens-at-youth-court": """\
## Ce este instanța pentru minori

Instanța pentru minori (youth court) este un fel de judecătorie locală (magistrates' court) pentru
copiii între 10 și 17 ani. Cazurile sunt judecate de trei judecători voluntari (magistrates), adică
oameni din zonă instruiți pentru asta, sau de un singur judecător de profesie (district judge).

Aici totul este mai puțin formal decât la o instanță pentru adulți. Oamenii își spun adesea pe nume
și toți stau la același nivel. Publicul nu poate intra. Jurnaliștii pot intra, dar de obicei nu au
voie să spună numele copilului dumneavoastră.

## Înainte de ședința de judecată

- Dacă copilul are sub 16 ani, instanța se așteaptă să vină cu el un părinte sau o persoană care îl
  îngrijește. Dacă copilul are 16 sau 17 ani, instanța vă poate cere și dumneavoastră să veniți.
- De obicei, copilul poate avea un avocat (solicitor) prin asistența juridică gratuită (legal aid).
  Dacă nu aveți avocat, cereți avocatul de serviciu (duty solicitor) când ajungeți.
- Aduceți scrisoarea de la instanță sau documentul cu acuzațiile (charge sheet) și veniți devreme.
  La intrare există un control de securitate.
- Copilul ar trebui să fie îmbrăcat îngrijit și să-și închidă telefonul în sala de judecată.
- Dacă copilul sau dumneavoastră aveți nevoie de un interpret, spuneți-i avocatului sau anunțați
  instanța înainte de ziua ședinței.

## În sala de judecată

Consilierul juridic al instanței (legal adviser) verifică numele, vârsta și adresa copilului. Apoi
se citește acuzația, iar copilul este întrebat dacă se declară vinovat (guilty) sau nevinovat
(not guilty). Înainte de asta, avocatul îl va ajuta să hotărască.

Judecătorii pot vorbi direct cu copilul și cu dumneavoastră. Este în regulă să spuneți că nu
înțelegeți ceva. În pauză, îi puteți cere avocatului să vă explice.

## Dacă copilul se declară nevinovat

Instanța stabilește o dată pentru proces (trial). La proces, martorii depun mărturie, iar
judecătorii hotărăsc dacă copilul este vinovat.

Până atunci, instanța hotărăște unde va sta copilul până la proces (remand). Copilul poate merge
acasă, lăsat în libertate până la proces (bail), uneori cu condiții, de exemplu să nu iasă din casă
la anumite ore (curfew). În cazurile mai grave, copilul poate fi plasat într-o locuință asigurată de
primărie (council) sau în detenție pentru minori (youth detention).

## Dacă copilul se declară vinovat sau este găsit vinovat

Instanța poate da pedeapsa pe loc. Deseori, mai întâi cere echipei de justiție pentru minori
(youth offending team) să scrie un raport dinaintea sentinței (pre-sentence report). Autorul
raportului va vorbi cu copilul și cu dumneavoastră. Pedepsele pot fi, de exemplu:

- un **ordin de îndrumare** (referral order), dat adesea unui copil care se declară vinovat pentru
  prima dată;
- un **ordin de reabilitare pentru minori** (youth rehabilitation order), cu activități și
  supraveghere în comunitate;
- o amendă sau o renunțare la pedeapsă (discharge);
- un **ordin de detenție și formare** (detention and training order), adică timp petrecut în
  detenție. Acesta se dă doar în cazurile cele mai grave.

Instanța poate da și un ordin pentru părinți (parenting order). Acesta îi cere unui părinte să
meargă la întâlniri de sprijin pentru părinți. Un caz foarte grav poate fi trimis la Curtea Coroanei
(Crown Court).

## După ședință

Asigurați-vă că dumneavoastră și copilul înțelegeți decizia și ce urmează. Dacă ceva nu este clar,
rugați-l pe avocat sau pe lucrătorul din echipa de justiție pentru minori să vă explice. Notați
toate datele pe care copilul trebuie să și le amintească.

## Unde găsiți ajutor

Vorbiți cu un părinte de sprijin înainte de ședință. Vă poate ajuta să pregătiți întrebări și poate
chiar să vină cu dumneavoastră. Echipa de justiție pentru minori, un serviciu gratuit de consiliere
juridică pentru tineri și un grup de sprijin pentru părinții copiilor aflați în sistemul de justiție
pentru minori vă pot ajuta și pe dumneavoastră, și pe copil.
""",
    "if-your-child-is-excluded-from-school": """\
## Două feluri de excludere de la școală (exclusion)

Acest ghid este despre școlile din Anglia.

- O **suspendare** (suspension) înseamnă că copilul trebuie să stea departe de școală un anumit
  număr de zile. Un copil poate fi suspendat în total cel mult 45 de zile de școală într-un an
  școlar.
- O **exmatriculare definitivă** (permanent exclusion) înseamnă că copilul nu se mai poate întoarce
  la acea școală. Ar trebui folosită doar ca ultimă soluție.

Numai directorul școlii poate exclude un elev. Școala trebuie să vă spună imediat, și apoi în scris,
de ce a fost exclus copilul și pentru cât timp. Nu este permis ca școala să trimită copilul acasă
„să se calmeze” fără o excludere oficială, chiar dacă școala îi spune altfel.

## Primele zile

- Școala ar trebui să-i dea copilului teme și să i le corecteze.
- În primele cinci zile de școală, copilul nu ar trebui să stea într-un loc public în timpul orelor
  de școală fără un motiv bun. Ați putea primi o amendă.
- Din a șasea zi de școală, copilul trebuie să primească o educație potrivită, cu program complet.
  Pentru o suspendare, se ocupă școala. Pentru o exmatriculare definitivă, se ocupă primăria
  (council).

## Cum contestați o suspendare

Puteți oricând să le scrieți membrilor consiliului școlii (school governors) ce părere aveți despre
suspendare. Dacă, din cauza suspendării, copilul pierde mai mult de 15 zile de școală într-un
trimestru (term) sau pierde un examen național (public exam), consiliul școlii trebuie să se
întrunească și să hotărască dacă copilul trebuie primit înapoi.

## Cum contestați o exmatriculare definitivă

1. Consiliul școlii trebuie să se întrunească în cel mult 15 zile de școală ca să hotărască dacă
   copilul trebuie primit înapoi. Puteți merge la întâlnire, puteți vorbi și puteți lua cu
   dumneavoastră un prieten sau un consilier.
2. Dacă consiliul școlii este de acord cu directorul, puteți cere o analiză independentă
   (independent review). Trebuie să o cereți în cel mult 15 zile de școală de la scrisoarea
   consiliului.
3. La această analiză, puteți cere să fie prezent un expert în cerințe educaționale speciale, chiar
   dacă școala spune că copilul nu are cerințe speciale.

Comisia de analiză (review panel) nu poate obliga școala să primească înapoi copilul, dar le poate
cere membrilor consiliului școlii să se mai gândească o dată.

Dacă credeți că excluderea a fost o discriminare din cauza dizabilității copilului, puteți depune o
cerere la tribunalul SEND (SEND tribunal). Pentru discriminare din cauza rasei sau a religiei,
cereți repede sfaturi juridice, pentru că termenele sunt scurte.

## Dacă copilul are cerințe educaționale speciale

Copiii cu cerințe educaționale speciale sunt excluși mai des decât alți copii. Dacă copilul are un
plan de educație, sănătate și îngrijire (Education, Health and Care plan), cereți primăriei să
revizuiască planul mai devreme. Dacă nu are un astfel de plan, dar credeți că are nevoi pe care
școala nu le-a observat, puteți cere primăriei o evaluare (assessment).

## Cum aveți grijă de copil

Excluderea îl poate face pe copil să se simtă respins și rușinat. Încercați să păstrați o rutină
zilnică și vorbiți cu el despre ce simte. Copiii care nu merg la școală pot fi mai expuși la oameni
care vor să profite de ei, așa că încercați să știți mereu unde este copilul și cu cine.

## Unde găsiți ajutor

Un părinte de sprijin vă poate ajuta să înțelegeți scrisorile și să le scrieți membrilor consiliului
școlii, și poate veni cu dumneavoastră la întâlniri. Puteți primi și sfaturi gratuite de la un
serviciu de consiliere pentru excluderea de la școală sau de la serviciul de informare, consiliere
și sprijin SEND (SEND information, advice and support service). Un grup pentru părinții copiilor
excluși vă poate ajuta să vă simțiți mai puțin singuri.
""",
}
