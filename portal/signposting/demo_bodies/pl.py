"""Polish translations of two demo guides (drafts awaiting review by a native speaker)."""

from __future__ import annotations

BODIES = {
    "what-happens-at-youth-court": """\
## Czym jest sąd dla nieletnich

Sąd dla nieletnich (youth court) to rodzaj sądu pokoju (magistrates' court) dla dzieci w wieku od 10
do 17 lat. Sprawy rozpatruje trzech sędziów pokoju (magistrates), czyli przeszkolonych wolontariuszy
z okolicy, albo jeden sędzia zawodowy (district judge).

Jest tu mniej formalnie niż w sądzie dla dorosłych. Ludzie często mówią do siebie po imieniu, a
wszyscy siedzą na tym samym poziomie. Publiczność nie może wejść. Dziennikarze mogą wejść, ale
zwykle nie wolno im podawać, jak nazywa się Państwa dziecko.

## Przed rozprawą

- Jeśli dziecko ma mniej niż 16 lat, sąd oczekuje, że przyjdzie z nim rodzic lub opiekun. Jeśli
  dziecko ma 16 lub 17 lat, sąd także może poprosić Państwa o przyjście.
- Dziecko zwykle może mieć prawnika (solicitor) za darmo, w ramach bezpłatnej pomocy prawnej
  (legal aid). Jeśli nie mają Państwo prawnika, proszę po przyjściu do sądu poprosić o prawnika
  dyżurnego (duty solicitor).
- Proszę zabrać list z sądu lub dokument z zarzutami (charge sheet) i przyjść wcześniej. Przy
  wejściu jest kontrola bezpieczeństwa.
- Dziecko powinno być schludnie ubrane i wyłączyć telefon na sali sądowej.
- Jeśli dziecko lub Państwo potrzebują tłumacza, proszę powiedzieć o tym prawnikowi albo sądowi
  przed dniem rozprawy.

## Na sali sądowej

Doradca prawny sądu (legal adviser) sprawdza imię i nazwisko, wiek i adres dziecka. Potem odczytuje
zarzut, a dziecko jest pytane, czy przyznaje się do winy (guilty), czy nie przyznaje się do winy
(not guilty). Wcześniej prawnik pomoże dziecku podjąć tę decyzję.

Sędziowie pokoju mogą zwracać się bezpośrednio do dziecka i do Państwa. Nic złego się nie stanie,
jeśli powiedzą Państwo, że czegoś nie rozumieją. W czasie przerwy mogą Państwo poprosić prawnika o
wyjaśnienie.

## Jeśli dziecko nie przyznaje się do winy

Sąd wyznacza termin rozprawy głównej (trial). Na tej rozprawie świadkowie składają zeznania, a
sędziowie pokoju decydują, czy dziecko jest winne.

Do tego czasu sąd decyduje o środku tymczasowym (remand), czyli o tym, gdzie dziecko będzie
przebywać. Dziecko może wrócić do domu za poręczeniem (bail), czasem z warunkami, na przykład z
zakazem wychodzenia z domu w określonych godzinach (curfew). W poważniejszych sprawach dziecko może
zostać umieszczone w zakwaterowaniu zapewnionym przez urząd gminy (council) albo w ośrodku dla
nieletnich (youth detention).

## Jeśli dziecko przyzna się do winy lub zostanie uznane za winne

Sąd może wydać wyrok od razu. Często najpierw prosi zespół ds. nieletnich (youth offending team) o
napisanie raportu przedwyrokowego (pre-sentence report). Autor raportu porozmawia z dzieckiem i z
Państwem. Możliwe kary to między innymi:

- **nakaz skierowania** (referral order), często wydawany, gdy dziecko po raz pierwszy przyznaje się
  do winy;
- **nakaz resocjalizacji** (youth rehabilitation order), z zajęciami i nadzorem w miejscu
  zamieszkania;
- grzywna albo zwolnienie od kary (discharge);
- **nakaz pozbawienia wolności i szkolenia** (detention and training order), czyli pobyt w zakładzie
  zamkniętym. To kara tylko w najpoważniejszych sprawach.

Sąd może też wydać nakaz dla rodzica (parenting order). Rodzic musi wtedy chodzić na zajęcia dla
rodziców. Bardzo poważna sprawa może zostać przekazana do Sądu Koronnego (Crown Court).

## Po rozprawie

Proszę upewnić się, że Państwo i dziecko rozumieją decyzję i wiedzą, co będzie dalej. Jeśli coś jest
niejasne, proszę poprosić prawnika albo pracownika zespołu ds. nieletnich o wyjaśnienie. Proszę
zapisać wszystkie daty, o których dziecko musi pamiętać.

## Gdzie szukać pomocy

Przed rozprawą warto porozmawiać z rodzicem wspierającym. Pomoże przygotować pytania, a być może
pójdzie też z Państwem do sądu. Pomóc Państwu i dziecku mogą również zespół ds. nieletnich,
bezpłatna porada prawna dla młodych ludzi oraz grupa wsparcia dla rodziców dzieci, które mają sprawę
w systemie wymiaru sprawiedliwości dla nieletnich.
""",
    "if-your-child-is-excluded-from-school": """\
## Dwa rodzaje wykluczenia ze szkoły (exclusion)

Ten poradnik dotyczy szkół w Anglii.

- **Zawieszenie w prawach ucznia** (suspension) oznacza, że dziecko nie może przychodzić do szkoły
  przez określoną liczbę dni. Dziecko może być zawieszone łącznie najwyżej na 45 dni szkolnych w
  jednym roku szkolnym.
- **Trwałe usunięcie ze szkoły** (permanent exclusion) oznacza, że dziecko nie może wrócić do tej
  szkoły. Powinno to być ostatecznością.

Tylko dyrektor szkoły może wykluczyć ucznia. Szkoła musi od razu powiedzieć Państwu, a potem napisać
w liście, dlaczego dziecko zostało wykluczone i na jak długo. Odesłanie dziecka do domu, „żeby się
uspokoiło”, bez formalnego wykluczenia jest niedozwolone, nawet jeśli szkoła nazywa to inaczej.

## Pierwsze dni

- Szkoła powinna zadawać dziecku pracę do wykonania i ją sprawdzać.
- Przez pierwsze pięć dni szkolnych dziecko nie powinno przebywać w miejscu publicznym w godzinach
  lekcji bez ważnego powodu. Mogą Państwo dostać za to grzywnę.
- Od szóstego dnia szkolnego dziecko musi dostać odpowiednią naukę w pełnym wymiarze godzin. Przy
  zawieszeniu organizuje ją szkoła. Przy trwałym usunięciu ze szkoły robi to urząd gminy (council).

## Jak zakwestionować zawieszenie

Zawsze mogą Państwo napisać do rady szkoły (school governors), co sądzą Państwo o zawieszeniu. Jeśli
przez zawieszenie dziecko straci więcej niż 15 dni szkolnych w jednym okresie (term) albo opuści
egzamin zewnętrzny (public exam), rada szkoły musi się zebrać i zdecydować, czy dziecko powinno
wrócić do szkoły.

## Jak zakwestionować trwałe usunięcie ze szkoły

1. Rada szkoły musi zebrać się w ciągu 15 dni szkolnych i zdecydować, czy dziecko powinno wrócić.
   Mogą Państwo przyjść na to spotkanie, zabrać głos i przyprowadzić przyjaciela lub doradcę.
2. Jeśli rada szkoły zgodzi się z dyrektorem, mogą Państwo poprosić o niezależną ocenę decyzji
   (independent review). Trzeba o to poprosić w ciągu 15 dni szkolnych od listu rady szkoły.
3. Podczas tej oceny mogą Państwo poprosić, by był obecny specjalista od specjalnych potrzeb
   edukacyjnych, nawet jeśli szkoła twierdzi, że dziecko nie ma specjalnych potrzeb.

Komisja oceniająca (review panel) nie może zmusić szkoły, aby przyjęła dziecko z powrotem, ale może
polecić radzie szkoły, żeby jeszcze raz rozważyła sprawę.

Jeśli uważają Państwo, że usunięcie ze szkoły było dyskryminacją z powodu niepełnosprawności
dziecka, mogą Państwo złożyć wniosek do trybunału SEND (SEND tribunal). W przypadku dyskryminacji z
powodu rasy lub religii proszę szybko zasięgnąć porady prawnej, bo terminy są krótkie.

## Jeśli dziecko ma specjalne potrzeby edukacyjne

Dzieci ze specjalnymi potrzebami edukacyjnymi są wykluczane ze szkoły częściej niż inne dzieci.
Jeśli dziecko ma plan edukacji, zdrowia i opieki (Education, Health and Care plan), proszę poprosić
urząd gminy o wcześniejszy przegląd planu. Jeśli dziecko nie ma takiego planu, ale uważają Państwo,
że ma potrzeby, których szkoła nie zauważyła, mogą Państwo poprosić urząd gminy o ocenę potrzeb
(assessment).

## Jak zadbać o dziecko

Wykluczenie ze szkoły może sprawić, że dziecko czuje się odrzucone i zawstydzone. Proszę starać się
zachować stały rytm dnia i rozmawiać o tym, jak dziecko się czuje. Dzieci, które nie chodzą do
szkoły, mogą być bardziej narażone na ludzi, którzy chcą je wykorzystać. Dlatego proszę na bieżąco
sprawdzać, gdzie jest dziecko i z kim przebywa.

## Gdzie szukać pomocy

Rodzic wspierający może pomóc zrozumieć listy, napisać do rady szkoły i pójść z Państwem na
spotkania. Bezpłatną poradę można też dostać w poradni w sprawach wykluczenia ze szkoły albo w
serwisie informacji, porad i wsparcia SEND (SEND information, advice and support service). Grupa dla
rodziców dzieci wykluczonych ze szkoły może sprawić, że poczują się Państwo mniej samotni.
""",
}
