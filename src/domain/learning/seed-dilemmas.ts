import type { SeedDilemma } from './dilemma-content.js';

// The seed library of dilemmas: situations from the practice of public organisations, for dilemma
// sessions, moral deliberation and the good conversation. Data only; the keys never change.

export const seedDilemmas: SeedDilemma[] = [
  {
    key: 'shelved-advice',
    content: {
      title: {
        nl: 'Een advies dat in de la verdwijnt',
        en: 'An advisory report that ends up in a drawer',
      },
      situation: {
        nl: 'Je bent beleidsadviseur bij een provincie. Na een half jaar werk lever je met twee collega’s een advies op over de aanleg van een nieuwe provinciale weg. De conclusie: de verkeerswinst is klein en de schade aan een natuurgebied is groot. Je afdelingshoofd laat weten dat de gedeputeerde ‘er nu niets mee kan’, want de weg staat in het coalitieakkoord. Het advies gaat niet mee naar Provinciale Staten en komt niet in het dossier. Volgende maand besluiten de Staten over het krediet voor de weg. Een collega haalt zijn schouders op: ‘Wij adviseren, zij besluiten. Zo gaat het nu eenmaal.’',
        en: 'You are a policy advisor at a province. After six months of work you and two colleagues deliver an advisory report on building a new provincial road. The conclusion: the gain for traffic is small and the damage to a nature area is large. Your head of department tells you that the responsible member of the provincial executive "can\'t do anything with it right now", because the road is in the coalition agreement. The report will not go to the Provincial Council and will not be added to the file. Next month the Council decides on the budget for the road. A colleague shrugs: "We advise, they decide. That\'s just how it works."',
      },
      question: {
        nl: 'Wat doe je met het advies dat niet verder mag?',
        en: 'What do you do with the advice that is not allowed to go any further?',
      },
      options: [
        {
          nl: 'Je legt je erbij neer: het bestuur bepaalt wat het met een advies doet, en jij hebt je werk gedaan.',
          en: 'You accept it: the executive decides what to do with advice, and you have done your job.',
        },
        {
          nl: 'Je vraagt je afdelingshoofd wie precies heeft besloten het advies niet door te sturen, en op grond waarvan, en je vraagt dat besluit op papier.',
          en: 'You ask your head of department who exactly decided not to pass the advice on, and on what basis, and you ask for that decision in writing.',
        },
        {
          nl: 'Je stelt voor het advies in het dossier op te nemen, met een notitie dat de gedeputeerde tot een andere afweging komt, zodat de Staten kunnen zien dat het er ligt.',
          en: 'You propose adding the advice to the file, with a note that the executive member weighs things differently, so that the Council can see that it exists.',
        },
        {
          nl: 'Voordat je iets onderneemt, leg je de vraag of je hier iets mee moet vertrouwelijk voor aan het ethiekpanel.',
          en: 'Before you take any step, you put the question of whether you should act on this confidentially to the ethics panel.',
        },
      ],
      values: {
        nl: 'Loyaliteit aan het bestuur staat hier tegenover je eigen professionele verantwoordelijkheid. Het bestuur mag politieke keuzes maken, ook tegen een advies in. Maar Provinciale Staten moeten kunnen besluiten op basis van volledige informatie, en een advies dat wordt weggehouden raakt aan de informatieplicht en aan het vertrouwen in ambtelijk werk.',
        en: 'Loyalty to the executive stands here against your own professional responsibility. The executive may make political choices, even against advice. But the Provincial Council must be able to decide on full information, and advice that is kept away touches on the duty to inform and on trust in the work of the civil service.',
      },
      roles: {
        nl: 'Jij adviseert; de gedeputeerde besluit en legt verantwoording af aan Provinciale Staten. Je afdelingshoofd brengt de boodschap over, maar het is niet duidelijk of het besluit van hem komt of van de gedeputeerde. De Staten hebben recht op de informatie die ze nodig hebben voor hun controlerende taak.',
        en: 'You advise; the executive member decides and answers to the Provincial Council. Your head of department passes on the message, but it is not clear whether the decision is his or the executive member\'s. The Council is entitled to the information it needs for its task of scrutiny.',
      },
      pressure: {
        nl: 'De wens komt van de gedeputeerde en loopt via je afdelingshoofd: een verhouding tussen bestuurder en ambtenaar, buiten de gewone lijn van werkgever en werknemer. Of er ook echt druk is, hangt af van hoe de boodschap wordt gebracht: een mededeling is nog geen krachtige poging om je te beïnvloeden. De inhoud, informatie achterhouden voor de Staten, kan oneigenlijk zijn; over de middelen is nog weinig bekend. Of vakgenoten dit als een schending van rollen en normen zouden zien, hangt vooral af van hoe belangrijk het advies is voor het besluit van de Staten.',
        en: 'The wish comes from the executive member and runs through your head of department: a relation between politician and official, outside the ordinary employer-employee line. Whether there is real pressure depends on how the message is delivered: an announcement is not yet a forceful attempt to influence you. The content, withholding information from the Council, may be improper; little is known yet about the means. Whether professional peers would see this as a breach of roles and norms depends mainly on how much the advice matters to the Council\'s decision.',
      },
      reflection: {
        nl: 'Het panel ziet hier geen eenduidig goed antwoord. Dat het bestuur een advies niet volgt, is op zich geen probleem: adviseren is iets anders dan besluiten. Het wordt wel een probleem als de Staten besluiten zonder te weten dat er een advies ligt dat de andere kant op wijst. Je erbij neerleggen is begrijpelijk, maar laat die vraag open. Het helpt om eerst je lezing te toetsen: wie geeft mij precies deze opdracht, en op grond waarvan? Soms blijkt ‘de gedeputeerde wil het niet’ een inschatting van de lijn te zijn, geen besluit. Een notitie in het dossier of de vraag om het besluit op papier maakt zichtbaar wat er gebeurt, zonder dat je iemand beschuldigt. Doe ook de toets van openbaarheid: kun je deze gang van zaken uitleggen als die morgen in de krant staat? Twijfel je, praat dan met een vertrouwenspersoon of leg een morele vraag voor aan het ethiekpanel. Vermoed je dat informatie bewust wordt achtergehouden, dan kun je terecht bij de integriteitscommissie.',
        en: 'The panel sees no single right answer here. That the executive does not follow advice is not a problem in itself: advising is not deciding. It does become a problem if the Council decides without knowing that there is advice pointing the other way. Accepting it is understandable, but leaves that question open. It helps to check your reading first: who exactly gives me this assignment, and on what basis? Sometimes "the executive member doesn\'t want it" turns out to be the line\'s own guess, not a decision. A note in the file, or asking for the decision in writing, makes visible what is happening without accusing anyone. Apply the test of openness too: could you explain this course of events if it were in the paper tomorrow? If you are in doubt, talk to a confidential advisor or put a moral question to the ethics panel. If you suspect that information is being withheld on purpose, you can go to the integrity commission.',
      },
      prompts: [
        {
          nl: 'Wanneer is een advies van het bestuur, en wanneer nog van jou?',
          en: 'When does advice belong to the executive, and when is it still yours?',
        },
        {
          nl: 'Wat hebben de Staten nodig om goed te besluiten, en wie zorgt dat ze het krijgen?',
          en: 'What does the Council need to decide well, and who makes sure it gets it?',
        },
        {
          nl: 'Hoe zouden wij als team reageren als een collega dit meemaakt?',
          en: 'How would we as a team respond if a colleague went through this?',
        },
      ],
      themes: ['political_pressure', 'loyalty'],
      roleTags: ['employee', 'manager'],
    },
  },
  {
    key: 'defend-in-court',
    content: {
      title: {
        nl: 'Een besluit verdedigen waartegen je hebt geadviseerd',
        en: 'Defending a decision you advised against',
      },
      situation: {
        nl: 'Je bent jurist bij een gemeente. Het college heeft een vergunning voor een evenemententerrein geweigerd. In je advies had je geschreven dat een weigering juridisch zwak staat: de geluidsnormen worden gehaald en de motivering leunt vooral op klachten van een paar omwonenden. Het college besloot toch anders. De organisator gaat in beroep, en je leidinggevende vraagt jou om de gemeente bij de rechtbank te vertegenwoordigen: ‘Jij kent het dossier het best.’ Je ziet op tegen de zitting. Je moet daar iets verdedigen waar je zelf niet achter staat, en je eigen advies zit in het dossier dat de rechter te zien krijgt.',
        en: 'You are a lawyer at a municipality. The municipal executive refused a permit for an events site. In your advice you had written that a refusal is legally weak: the noise standards are met and the reasoning leans mainly on complaints from a few neighbours. The executive decided otherwise anyway. The organiser appeals, and your manager asks you to represent the municipality in court: "You know the file best." You dread the hearing. You will have to defend something you do not stand behind yourself, and your own advice is in the file the judge will see.',
      },
      question: {
        nl: 'Neem je de zitting op je, en zo ja, hoe?',
        en: 'Do you take on the hearing, and if so, how?',
      },
      options: [
        {
          nl: 'Je doet de zaak en verdedigt het besluit zo goed als je kunt: als procesvertegenwoordiger spreek je namens het college, niet namens jezelf.',
          en: 'You take the case and defend the decision as well as you can: as the municipality\'s representative you speak for the executive, not for yourself.',
        },
        {
          nl: 'Je vraagt je leidinggevende om de zaak aan een collega of een extern advocaat te geven, en legt uit waarom.',
          en: 'You ask your manager to give the case to a colleague or an outside lawyer, and explain why.',
        },
        {
          nl: 'Je doet de zaak, maar bespreekt vooraf met de portefeuillehouder de zwakke punten en stelt voor te kijken of een schikking of een nieuw besluit beter is.',
          en: 'You take the case, but first discuss its weak points with the responsible alderman and propose looking at whether a settlement or a new decision would be better.',
        },
        {
          nl: 'Je doet de zaak, maar zegt tegen de rechter niets wat je zelf onjuist vindt, en je laat je leidinggevende vooraf weten waar die grens ligt.',
          en: 'You take the case, but you will say nothing to the judge that you believe to be untrue, and you tell your manager beforehand where that line lies.',
        },
      ],
      values: {
        nl: 'Loyaliteit aan het bestuur en je professionele integriteit staan hier naast elkaar, niet per se tegenover elkaar. Een besluit verdedigen dat je niet zelf nam, hoort bij het ambtelijke vak; verdedigen is iets anders dan iets beweren wat niet klopt. Ook eerlijkheid tegenover de rechter en een eerlijke behandeling van de organisator wegen mee.',
        en: 'Loyalty to the executive and your professional integrity stand side by side here, not necessarily against each other. Defending a decision you did not take yourself is part of the civil-service trade; defending is something else than claiming what is untrue. Honesty towards the judge and fair treatment of the organiser count as well.',
      },
      roles: {
        nl: 'Het college heeft besloten en is daarvoor verantwoordelijk. Jij hebt geadviseerd en spreekt in de rechtszaal namens het college. Je leidinggevende verdeelt het werk en moet je bezwaren serieus nemen. De rechter toetst het besluit, en kan daarbij ook je advies lezen.',
        en: 'The executive decided and is responsible for the decision. You advised, and in court you speak on behalf of the executive. Your manager assigns the work and must take your objections seriously. The judge reviews the decision and may read your advice in doing so.',
      },
      pressure: {
        nl: 'Hier is waarschijnlijk geen sprake van oneigenlijke druk. De opdracht komt via de gewone lijn van leidinggevende naar medewerker, en er is geen krachtige poging om je iets tegen je overtuiging te laten doen. Een zaak toewijzen aan wie het dossier kent, is een gewoon middel voor een gewoon doel. Dat verandert als je wordt gevraagd je eigen advies uit het dossier te halen of de rechter verkeerd voor te lichten: dan zijn inhoud en middel wel oneigenlijk.',
        en: 'There is probably no improper pressure here. The assignment comes through the ordinary line from manager to employee, and there is no forceful attempt to make you act against your conviction. Assigning a case to whoever knows the file is an ordinary means to an ordinary end. That changes if you are asked to remove your own advice from the file or to mislead the judge: then content and means are improper.',
      },
      reflection: {
        nl: 'Het panel vindt alle vier de keuzes te verdedigen, met elk een eigen prijs. De zaak doen hoort bij je rol: het college heeft recht op een goede verdediging, en jij kent het dossier. Maar wie zich niet kan vinden in wat hij moet zeggen, verdedigt vaak minder overtuigend, en dat helpt het college ook niet. De zaak uit handen geven is eerlijk, maar legt het probleem bij een collega. De zwakke punten vooraf bespreken is loyaal in de beste zin: je beschermt het bestuur tegen een voorspelbare nederlaag. Een grens aangeven is verstandig, zolang die grens gaat over wat waar is en niet over wat je prettig vindt. Helpend zijn de vragen: wie vraagt dit precies van mij, en op grond waarvan? En de toets van openbaarheid: kun je wat je in de rechtszaal zegt uitleggen aan de organisator, aan de omwonenden en aan jezelf? Wil je er eerst over praten, dan kan dat met een vertrouwenspersoon of het ethiekpanel.',
        en: 'The panel finds all four choices defensible, each with its own price. Taking the case is part of your role: the executive is entitled to a proper defence, and you know the file. But someone who cannot stand behind what he must say often defends less convincingly, which does not help the executive either. Handing the case over is honest, but moves the problem to a colleague. Discussing the weak points beforehand is loyal in the best sense: you protect the executive from a foreseeable defeat. Naming a limit is sensible, as long as that limit is about what is true and not about what feels comfortable. Useful questions are: who exactly asks this of me, and on what basis? And the test of openness: could you explain what you say in court to the organiser, to the neighbours and to yourself? If you want to talk it through first, you can do so with a confidential advisor or the ethics panel.',
      },
      prompts: [
        {
          nl: 'Waar ligt voor jou het verschil tussen een besluit verdedigen en erachter staan?',
          en: 'Where, for you, lies the difference between defending a decision and standing behind it?',
        },
        {
          nl: 'Wat mag een leidinggevende doen met een medewerker die een opdracht liever niet uitvoert?',
          en: 'What may a manager do with an employee who would rather not carry out an assignment?',
        },
        {
          nl: 'Hoe gaan wij om met adviezen die het bestuur niet volgt?',
          en: 'How do we deal with advice that the executive does not follow?',
        },
      ],
      themes: ['loyalty'],
      roleTags: ['employee', 'manager'],
    },
  },
  {
    key: 'known-expert',
    content: {
      title: {
        nl: 'De erkenning van een deskundige die je persoonlijk kent',
        en: 'The licence of an expert you know personally',
      },
      situation: {
        nl: 'Je werkt bij een toezichthoudende dienst en beoordeelt aanvragen voor een erkenning als deskundige, bijvoorbeeld voor het keuren van installaties. Op je bureau komt de aanvraag van iemand met wie je vroeger hebt samengewerkt en met wie je nog af en toe gaat hardlopen. De aanvraag ziet er goed uit, al ontbreekt het bewijs van een verplichte bijscholing. Het team is klein, je bent de enige met verstand van dit type installatie, en de achterstand is groot. Je leidinggevende zegt: ‘Jij kunt dit snel afhandelen, je weet toch hoe hij werkt.’',
        en: 'You work at a supervisory agency and assess applications for a licence as an expert, for example to inspect installations. On your desk lands the application of someone you used to work with and still go running with now and then. The application looks good, though proof of a compulsory refresher course is missing. The team is small, you are the only one who knows this type of installation, and the backlog is large. Your manager says: "You can deal with this quickly, you know how he works."',
      },
      question: {
        nl: 'Behandel je deze aanvraag zelf?',
        en: 'Do you handle this application yourself?',
      },
      options: [
        {
          nl: 'Je meldt je band met de aanvrager aan je leidinggevende en geeft de aanvraag uit handen, ook al duurt het dan langer.',
          en: 'You declare your tie with the applicant to your manager and hand the application over, even if it then takes longer.',
        },
        {
          nl: 'Je meldt de band, maar behandelt de aanvraag zelf, met een collega die je beoordeling meeleest en mede ondertekent.',
          en: 'You declare the tie, but handle the application yourself, with a colleague who reviews your assessment and co-signs it.',
        },
        {
          nl: 'Je behandelt de aanvraag zelf, strikt volgens de regels: het ontbrekende bewijsstuk vraag je op zoals bij iedereen.',
          en: 'You handle the application yourself, strictly by the rules: you ask for the missing document as you would with anyone.',
        },
        {
          nl: 'Je vraagt een collega van een andere regio of dienst om de beoordeling te doen, en biedt aan technische vragen te beantwoorden zonder mee te beslissen.',
          en: 'You ask a colleague from another region or agency to do the assessment, and offer to answer technical questions without taking part in the decision.',
        },
      ],
      values: {
        nl: 'Onpartijdigheid staat hier centraal: iedere aanvrager moet erop kunnen vertrouwen dat hij op het dossier wordt beoordeeld, niet op wie hij kent. Ook de schijn van belangenverstrengeling telt, want een erkenning moet later voor iedereen overeind blijven. Daartegenover staan snelheid voor aanvragers die wachten, en de vriendschap zelf, die niet verdacht hoeft te zijn.',
        en: 'Impartiality is central here: every applicant must be able to trust that he is judged on the file, not on whom he knows. The appearance of a conflict of interest counts too, because a licence must later hold up for everyone. Against this stand speed for applicants who are waiting, and the friendship itself, which need not be suspect.',
      },
      roles: {
        nl: 'Jij beoordeelt, en hoort een persoonlijke band te melden. Je leidinggevende is verantwoordelijk voor de werkverdeling en voor het voorkomen van belangenverstrengeling, ook als dat capaciteit kost. De aanvrager heeft recht op een eerlijke en tijdige beoordeling, net als alle anderen.',
        en: 'You assess, and are expected to declare a personal tie. Your manager is responsible for assigning the work and for preventing conflicts of interest, even when that costs capacity. The applicant is entitled to a fair and timely assessment, just like everyone else.',
      },
      pressure: null,
      reflection: {
        nl: 'Over één ding is het panel duidelijk: meld de band, wat je daarna ook kiest. Melden is geen bekentenis, maar een gewone stap die jou en de aanvrager beschermt. Of je je daarna ook terugtrekt, hangt af van hoe nauw de band is en van wat er te beslissen valt. Hier ontbreekt een verplicht stuk, en juist dan weegt de schijn zwaar: als je soepel bent, lijkt het vriendendienst; als je streng bent, kan de aanvrager zich afvragen of je overcompenseert. De opmerking ‘je weet toch hoe hij werkt’ noemt precies de verkeerde reden: je beoordeelt het dossier, niet de persoon. Meelezen door een collega of een beoordelaar van elders zijn tussenwegen die tijd kosten, maar de beslissing verdedigbaar houden. Doe de toets van openbaarheid: kun je uitleggen hoe deze erkenning tot stand kwam als er later iets misgaat met een installatie die hij keurde? Twijfel je, dan kun je het ethiekpanel om raad vragen.',
        en: 'The panel is clear about one thing: declare the tie, whatever you choose next. Declaring is not a confession but an ordinary step that protects you and the applicant. Whether you also step aside depends on how close the tie is and on what there is to decide. Here a compulsory document is missing, and that is exactly when appearances weigh heavily: if you are lenient it looks like a favour; if you are strict the applicant may wonder whether you are overcompensating. The remark "you know how he works" names precisely the wrong reason: you judge the file, not the person. A colleague reviewing your work, or an assessor from elsewhere, are middle ways that cost time but keep the decision defensible. Apply the test of openness: could you explain how this licence came about if something later went wrong with an installation he inspected? If you are in doubt, you can ask the ethics panel for advice.',
      },
      prompts: [
        {
          nl: 'Vanaf wanneer is een band zo nauw dat je je moet terugtrekken?',
          en: 'From what point is a tie so close that you must step aside?',
        },
        {
          nl: 'Hoe regelen wij verschoning in een klein team waar maar één iemand de kennis heeft?',
          en: 'How do we arrange recusal in a small team where only one person has the knowledge?',
        },
        {
          nl: 'Wat zou een andere aanvrager ervan vinden als hij wist hoe dit was gegaan?',
          en: 'What would another applicant think if he knew how this had gone?',
        },
      ],
      themes: ['conflict_of_interest'],
      roleTags: ['employee', 'manager'],
    },
  },
  {
    key: 'reform-power-dialogue',
    content: {
      title: {
        nl: 'Een hervorming doorzetten: met macht of met gesprek',
        en: 'Pushing a reform through: on power or through dialogue',
      },
      situation: {
        nl: 'Je bent sinds een jaar directeur van een uitvoeringsorganisatie. De minister wil dat een nieuwe werkwijze voor het beoordelen van aanvragen binnen zes maanden overal in gebruik is; dat staat ook in een brief aan de Kamer. Op de werkvloer is veel weerstand. Ervaren medewerkers vrezen dat de nieuwe werkwijze fouten oplevert bij kwetsbare aanvragers, en de ondernemingsraad wil eerst een proef. De secretaris-generaal laat weten dat uitstel geen optie is. Een paar teamleiders raden je aan de invoering gewoon door te zetten. Anderen vragen je eerst met de teams in gesprek te gaan, ook als dat de planning kost.',
        en: 'For a year now you have been director of an implementing agency. The minister wants a new way of assessing applications to be in use everywhere within six months; it is also in a letter to parliament. On the work floor there is a lot of resistance. Experienced staff fear that the new method will cause errors for vulnerable applicants, and the works council wants a pilot first. The secretary-general lets you know that delay is not an option. Some team leaders advise you simply to push the introduction through. Others ask you to talk with the teams first, even if that costs the schedule.',
      },
      question: {
        nl: 'Zet je de hervorming door, of neem je de tijd voor het gesprek?',
        en: 'Do you push the reform through, or do you take the time for dialogue?',
      },
      options: [
        {
          nl: 'Je voert de werkwijze volgens planning in en spreekt de teams aan op hun rol: het besluit is genomen, en uitvoeren is hun taak.',
          en: 'You introduce the method on schedule and remind the teams of their role: the decision has been taken, and carrying it out is their job.',
        },
        {
          nl: 'Je begint op tijd, maar met een proef in twee teams, en laat de minister via de SG weten dat volledige invoering afhangt van de uitkomst.',
          en: 'You start on time, but with a pilot in two teams, and let the minister know through the secretary-general that full introduction depends on the outcome.',
        },
        {
          nl: 'Je gaat eerst in gesprek met de teams en de ondernemingsraad, en meldt de SG nu al dat de planning daardoor waarschijnlijk niet haalbaar is.',
          en: 'You first talk with the teams and the works council, and tell the secretary-general now that the schedule will probably not be feasible as a result.',
        },
        {
          nl: 'Je zet door, maar richt een snelle route in voor signalen over fouten, en spreekt openlijk af dat je bijstuurt als die signalen komen.',
          en: 'You push ahead, but set up a fast route for signals about errors, and openly agree that you will adjust course if those signals come.',
        },
      ],
      values: {
        nl: 'Democratische legitimiteit en betrouwbaarheid tegenover de Kamer staan hier tegenover de kwaliteit van de uitvoering en de zorg voor kwetsbare burgers. Ook respect voor de vakkennis van medewerkers en voor de rechten van de ondernemingsraad speelt mee. En eerlijkheid over haalbaarheid: een belofte aan de Kamer die de uitvoering niet kan waarmaken, dient uiteindelijk niemand.',
        en: 'Democratic legitimacy and reliability towards parliament stand here against the quality of implementation and care for vulnerable citizens. Respect for the expertise of staff and for the rights of the works council plays a part too. And honesty about feasibility: a promise to parliament that implementation cannot keep serves nobody in the end.',
      },
      roles: {
        nl: 'De minister bepaalt het beleid en legt verantwoording af aan de Kamer. De SG vertaalt dat naar de organisatie. Jij bent verantwoordelijk voor een goede uitvoering, en ook om risico’s voor die uitvoering vroeg en duidelijk te melden. De teams brengen hun vakkennis in, en de ondernemingsraad heeft zijn eigen rechten bij een ingrijpende verandering.',
        en: 'The minister sets the policy and answers to parliament. The secretary-general translates it into the organisation. You are responsible for sound implementation, and also for signalling risks to that implementation early and clearly. The teams bring their expertise, and the works council has its own rights when a major change is made.',
      },
      pressure: {
        nl: 'De druk komt van de top, in een verhouding tussen bestuur, topambtenaar en uitvoering, dus het eerste criterium kan gelden. Een vaste termijn is op zich een legitiem middel van sturing, geen oneigenlijke druk. Oneigenlijk zou het worden als je werd gevraagd risico’s te verzwijgen of signalen uit de uitvoering niet door te geven. Let ook op je eigen rol: je kunt de druk doorgeven aan de teams, maar ook versterken, en dat laatste zouden vakgenoten niet als goed leiderschap zien.',
        en: 'The pressure comes from the top, in a relation between minister, top official and implementation, so the first criterion may apply. A fixed deadline is in itself a legitimate means of steering, not improper pressure. It would become improper if you were asked to keep risks quiet or not to pass on signals from implementation. Mind your own role too: you can pass the pressure on to the teams, but you can also amplify it, and peers would not see the latter as good leadership.',
      },
      reflection: {
        nl: 'Het panel ziet geen keuze zonder kosten. Doorzetten op macht levert snelheid op, maar als de zorgen van de teams terecht zijn, betalen kwetsbare aanvragers de rekening, en medewerkers leren dat hun kennis niet telt. Alles stilleggen voor gesprekken doet recht aan de werkvloer, maar kan de minister in een lastige positie brengen tegenover de Kamer. De tussenwegen, een proef of doorzetten met een snelle route voor signalen, proberen beide te dienen, maar werken alleen als je de uitkomst echt laat meewegen. Wat helpt: vraag precies na wie wat van je vraagt, en op grond waarvan. Is ‘uitstel is geen optie’ een besluit van de minister of een inschatting van de SG? Meld risico’s voor de uitvoering vroeg en op papier; dat is geen ongehoorzaamheid maar je taak. Doe de toets van openbaarheid: kun je je aanpak uitleggen aan de Kamer én aan je teams? Ook voor jou als directeur staan het ethiekpanel en een vertrouwenspersoon open.',
        en: 'The panel sees no choice without costs. Pushing through on power brings speed, but if the teams\' worries are justified, vulnerable applicants pay the bill and staff learn that their knowledge does not count. Halting everything for talks does justice to the work floor, but may put the minister in a difficult position towards parliament. The middle ways, a pilot or pushing ahead with a fast route for signals, try to serve both, but only work if you really let the outcome count. What helps: ask precisely who is asking what of you, and on what basis. Is "delay is not an option" the minister\'s decision or the secretary-general\'s estimate? Report risks to implementation early and in writing; that is not disobedience but your job. Apply the test of openness: could you explain your approach to parliament and to your teams alike? As a director, the ethics panel and a confidential advisor are open to you too.',
      },
      prompts: [
        {
          nl: 'Wanneer is doorzetten goed leiderschap, en wanneer niet meer?',
          en: 'When is pushing through good leadership, and when is it no longer?',
        },
        {
          nl: 'Hoe komen signalen uit de uitvoering bij ons op tijd bovenin de organisatie?',
          en: 'How do signals from implementation reach the top of our organisation in time?',
        },
        {
          nl: 'Wat doe jij met druk van boven: geef je die door, vang je die op of versterk je die?',
          en: 'What do you do with pressure from above: pass it on, absorb it, or amplify it?',
        },
      ],
      themes: ['leadership', 'political_pressure'],
      roleTags: ['manager', 'top_official'],
    },
  },
  {
    key: 'confront-boss',
    content: {
      title: {
        nl: 'Je eigen directeur aanspreken',
        en: 'Confronting your own boss',
      },
      situation: {
        nl: 'In het teamoverleg maakt je directeur voor de tweede keer een kleinerende opmerking over een collega die een fout maakte in een brief. Iedereen zwijgt. Na afloop vertelt de collega je dat ze slecht slaapt en overweegt om weg te gaan. Een week later hoor je dat de directeur in een ander overleg heeft gezegd dat ‘wie dwarsligt, dat terugziet in zijn beoordeling’. Zelf kun je goed met hem opschieten, en over een maand heb je je eigen beoordelingsgesprek. Je vraagt je af of jij hier iets van moet zeggen, en zo ja, hoe.',
        en: 'In the team meeting your director makes a belittling remark, for the second time, about a colleague who made a mistake in a letter. Everyone stays silent. Afterwards the colleague tells you she is sleeping badly and is thinking of leaving. A week later you hear that the director said in another meeting that "whoever gets in the way will see it in their appraisal". You yourself get on well with him, and your own appraisal interview is in a month. You wonder whether you should say something about this, and if so, how.',
      },
      question: {
        nl: 'Spreek je je directeur aan, en zo ja, hoe?',
        en: 'Do you confront your director, and if so, how?',
      },
      options: [
        {
          nl: 'Je vraagt de directeur om een gesprek onder vier ogen en vertelt concreet wat je hebt gezien en wat het met het team doet.',
          en: 'You ask the director for a one-to-one conversation and tell him concretely what you have seen and what it does to the team.',
        },
        {
          nl: 'Je zegt niets tegen de directeur, maar steunt je collega en wijst haar op de vertrouwenspersoon en de integriteitscommissie.',
          en: 'You say nothing to the director, but support your colleague and point her to the confidential advisor and the integrity commission.',
        },
        {
          nl: 'Je bespreekt het eerst met een paar collega’s, zodat jullie het samen kunnen aankaarten in het volgende teamoverleg.',
          en: 'You first discuss it with a few colleagues, so that you can raise it together at the next team meeting.',
        },
        {
          nl: 'Je wacht tot na je eigen beoordelingsgesprek, zodat je positie niet in gevaar komt, en kijkt dan wat je doet.',
          en: 'You wait until after your own appraisal interview, so that your position is not at risk, and then see what you do.',
        },
      ],
      values: {
        nl: 'Moed en zorg voor een collega staan hier tegenover loyaliteit aan je leidinggevende en zorg voor je eigen positie, die ook legitiem is. Het gaat ook om het klimaat in het team: als iedereen zwijgt, wordt kleinering normaal. En om de vrijheid van je collega om zelf te kiezen wat ze wil.',
        en: 'Courage and care for a colleague stand here against loyalty to your manager and care for your own position, which is legitimate too. It is also about the climate in the team: if everyone stays silent, belittling becomes normal. And about your colleague\'s freedom to choose for herself what she wants.',
      },
      roles: {
        nl: 'De directeur is verantwoordelijk voor een veilig werkklimaat en geeft het voorbeeld. Jij hebt geen formele verantwoordelijkheid, maar wel een rol als omstander en collega. Je collega bepaalt zelf of ze iets meldt. De integriteitscommissie behandelt ook klachten over het gedrag van leidinggevenden, en daar kun je rechtstreeks terecht, zonder eerst via de lijn te gaan.',
        en: 'The director is responsible for a safe working climate and sets the example. You have no formal responsibility, but you do have a role as a bystander and colleague. Your colleague decides for herself whether she reports anything. The integrity commission also handles complaints about the conduct of managers, and you can go to it directly, without going through the line first.',
      },
      pressure: {
        nl: 'Dreigen met een slechte beoordeling is een van de middelen die medewerkers het vaakst noemen als ze druk ervaren. Het gaat hier om de gewone lijn van leidinggevende naar medewerker, dus aan het eerste criterium van oneigenlijke druk is strikt genomen niet voldaan. Dat maakt het gedrag niet in orde: het kan onbehoorlijk zijn, en vakgenoten zouden het herkennen als strijdig met de normen voor leidinggevenden. Wat de beoordelingsdreiging moet bereiken, is nog onduidelijk, en dat is een vraag die het uitzoeken waard is.',
        en: 'Threatening a bad appraisal is one of the means staff mention most often when they experience pressure. This is the ordinary line from manager to employee, so strictly speaking the first criterion of improper pressure is not met. That does not make the behaviour acceptable: it can be indecent, and peers would recognise it as contrary to the norms for managers. What the threat about appraisals is meant to achieve is still unclear, and that question is worth looking into.',
      },
      reflection: {
        nl: 'Het panel ziet hier vooral een vraag van moed en van timing. Een gesprek onder vier ogen geeft de directeur de kans het zelf te herstellen, en werkt het best als je spreekt over gedrag en gevolgen, niet over zijn karakter. Het vergt moed, zeker met je eigen beoordeling in zicht. Wachten tot daarna is menselijk, maar je collega heeft er nu last van, en het zwijgen in het team gaat door. Samen optrekken geeft steun, maar kan in een teamoverleg voelen als een overval. Je collega steunen respecteert haar eigen keuze, maar laat het gedrag ongemoeid. Wat helpt: vraag je collega wat zij wil voordat je namens haar iets doet. Schrijf op wat je hebt gezien en gehoord, met de datum. Praat zelf met een vertrouwenspersoon als je twijfelt. En onthoud dat de integriteitscommissie ook klachten over leidinggevenden behandelt, zodat niemand eerst langs de directeur hoeft.',
        en: 'The panel sees this mainly as a question of courage and timing. A one-to-one conversation gives the director the chance to put it right himself, and works best if you speak about behaviour and its effects, not about his character. It takes courage, certainly with your own appraisal in sight. Waiting until afterwards is human, but your colleague is suffering now, and the silence in the team goes on. Acting together gives support, but in a team meeting it can feel like an ambush. Supporting your colleague respects her own choice, but leaves the behaviour untouched. What helps: ask your colleague what she wants before you do anything on her behalf. Write down what you have seen and heard, with the date. Talk to a confidential advisor yourself if you are in doubt. And remember that the integrity commission also handles complaints about managers, so nobody has to go past the director first.',
      },
      prompts: [
        {
          nl: 'Wat maakt het moeilijk om in ons team iets te zeggen over het gedrag van een leidinggevende?',
          en: 'What makes it hard in our team to say something about a manager\'s behaviour?',
        },
        {
          nl: 'Wat zou je willen dat een collega voor jou deed als jij in haar plaats was?',
          en: 'What would you want a colleague to do for you if you were in her place?',
        },
        {
          nl: 'Hoe kun je een leidinggevende aanspreken zonder dat het een aanval wordt?',
          en: 'How can you address a manager without it becoming an attack?',
        },
      ],
      themes: ['leadership', 'loyalty'],
      roleTags: ['employee', 'manager'],
    },
  },
  {
    key: 'prior-knowledge',
    content: {
      title: {
        nl: 'Vertrouwelijke voorkennis en de toets van openbaarheid',
        en: 'Confidential prior knowledge and the test of openness',
      },
      situation: {
        nl: 'Je werkt bij een ministerie aan een regeling voor het verduurzamen van woningen. Daardoor weet je al weken dat de subsidie op warmtepompen volgend jaar flink omlaag gaat; het kabinet maakt dat pas over een maand bekend. Op een verjaardag vertelt je zwager dat hij twijfelt over een warmtepomp, en hij vraagt of jij ‘toevallig iets weet’. Een paar dagen later belt een oud-studiegenoot die nu bij een installatiebedrijf werkt. Hij vraagt of het slim is om nu extra voorraad in te kopen. Je wilt niemand voorliegen, maar je wilt ook niet ontwijkend overkomen bij mensen die je goed kent.',
        en: 'You work at a ministry on a scheme for making homes more sustainable. Because of that you have known for weeks that the subsidy on heat pumps will drop sharply next year; the cabinet will announce it only in a month. At a birthday party your brother-in-law says he is hesitating about a heat pump, and asks whether you "happen to know anything". A few days later a former fellow student who now works at an installation company calls. He asks whether it would be smart to buy extra stock now. You do not want to lie to anyone, but you also do not want to seem evasive with people you know well.',
      },
      question: {
        nl: 'Wat zeg je tegen je zwager en tegen je oud-studiegenoot?',
        en: 'What do you say to your brother-in-law and to your former fellow student?',
      },
      options: [
        {
          nl: 'Je zegt tegen allebei dat je over je werk niets kunt zeggen, ook niet in algemene termen, en legt uit waarom.',
          en: 'You tell them both that you cannot say anything about your work, not even in general terms, and explain why.',
        },
        {
          nl: 'Tegen je zwager zeg je dat hij er verstandig aan doet niet te lang te wachten; tegen je oud-studiegenoot zeg je niets.',
          en: 'You tell your brother-in-law that he would be wise not to wait too long; to your former fellow student you say nothing.',
        },
        {
          nl: 'Je wijst allebei op wat al openbaar is: de regeling wordt elk jaar herzien en de kabinetsplannen komen binnenkort uit.',
          en: 'You point them both to what is already public: the scheme is reviewed every year and the cabinet\'s plans will be out soon.',
        },
        {
          nl: 'Je zegt niets inhoudelijks en meldt het telefoontje van je oud-studiegenoot aan je leidinggevende, omdat er een zakelijk belang speelt.',
          en: 'You say nothing of substance and report the call from your former fellow student to your manager, because a business interest is involved.',
        },
      ],
      values: {
        nl: 'Geheimhouding en gelijke behandeling staan hier voorop: iedereen hoort het nieuws op hetzelfde moment, en niemand krijgt een voorsprong omdat hij een ambtenaar kent. Daartegenover staan loyaliteit aan familie en vrienden, en eerlijkheid in je persoonlijke relaties. Ook het vertrouwen in de overheid speelt mee: misbruik van informatie raakt de hele organisatie.',
        en: 'Confidentiality and equal treatment come first here: everyone hears the news at the same moment, and nobody gets a head start because he knows an official. Against this stand loyalty to family and friends, and honesty in your personal relations. Trust in government plays a part too: misuse of information affects the whole organisation.',
      },
      roles: {
        nl: 'Jij bent gebonden aan geheimhouding over wat je in je werk hoort. Het kabinet bepaalt wanneer en hoe het besluit bekend wordt. Je zwager en je oud-studiegenoot hebben geen recht op voorkennis, hoe begrijpelijk hun vraag ook is. Je leidinggevende kan meedenken als zakelijke contacten je om informatie vragen.',
        en: 'You are bound to confidentiality about what you learn in your work. The cabinet decides when and how the decision becomes known. Your brother-in-law and your former fellow student have no right to prior knowledge, however understandable their question. Your manager can help think things through when business contacts ask you for information.',
      },
      pressure: null,
      reflection: {
        nl: 'Het panel raadt aan hier de toets van openbaarheid te gebruiken: kan wat je zegt het daglicht verdragen? Stel je voor dat je woorden morgen samen met de kabinetsplannen in de krant staan. Een advies om ‘niet te lang te wachten’ haalt die toets niet: het is een tip, hoe vriendelijk ook bedoeld, en het geeft je zwager een voorsprong op anderen. Wijzen op wat openbaar is, lijkt veilig, maar ook een veelzeggende toon of een knipoog is informatie. Helemaal niets zeggen is het zuiverst, en wordt makkelijker als je uitlegt waarom: ‘Ik werk hieraan, dus ik kan er niets over zeggen, ook niet tussen de regels door.’ De meeste mensen begrijpen dat. Het telefoontje van de oud-studiegenoot weegt zwaarder, omdat er geld mee te verdienen valt; het melden aan je leidinggevende beschermt jou, niet alleen de organisatie. Twijfel je hoe ver je geheimhouding gaat, dan kun je een morele vraag voorleggen aan het ethiekpanel.',
        en: 'The panel advises using the test of openness here: can what you say bear the light of day? Imagine your words in tomorrow\'s paper alongside the cabinet\'s plans. Advising someone "not to wait too long" fails that test: it is a tip, however kindly meant, and it gives your brother-in-law a head start on others. Pointing to what is public seems safe, but a meaningful tone or a wink is information too. Saying nothing at all is the cleanest, and becomes easier if you explain why: "I work on this, so I can\'t say anything about it, not even between the lines." Most people understand that. The call from the former fellow student weighs more heavily, because there is money to be made; reporting it to your manager protects you, not only the organisation. If you are unsure how far your confidentiality goes, you can put a moral question to the ethics panel.',
      },
      prompts: [
        {
          nl: 'Welke informatie uit ons werk zouden anderen graag eerder weten, en hoe gaan we daarmee om?',
          en: 'What information from our work would others like to know earlier, and how do we handle that?',
        },
        {
          nl: 'Hoe zeg je ‘daar kan ik niets over zeggen’ zonder een relatie te beschadigen?',
          en: 'How do you say "I can\'t say anything about that" without damaging a relationship?',
        },
        {
          nl: 'Wanneer meld je een vraag om informatie aan je leidinggevende?',
          en: 'When do you report a request for information to your manager?',
        },
      ],
      themes: ['confidential_information', 'conflict_of_interest'],
      roleTags: ['employee'],
    },
  },
  {
    key: 'rewrite-study',
    content: {
      title: {
        nl: 'Onwelgevallige passages in een onafhankelijk onderzoek',
        en: 'Unwelcome passages in an independent study',
      },
      situation: {
        nl: 'Je bent onderzoeker bij een kennisinstituut dat onder een ministerie valt maar onafhankelijk onderzoek doet. Je rapport over de effecten van een nieuw programma in het strafrecht is bijna klaar, en de conclusie is dat het programma weinig oplevert. In de begeleidingscommissie zitten twee ambtenaren van de beleidsdirectie die het programma heeft bedacht. Ze sturen je een versie met wijzigingen waarin drie kritische alinea’s zijn geschrapt en de samenvatting positiever is gemaakt. In een telefoongesprek zegt een van hen dat ‘de minister dit zo niet kan gebruiken’, en dat de opdracht voor het vervolgonderzoek ‘nog niet rond is’.',
        en: 'You are a researcher at a knowledge institute that falls under a ministry but does independent research. Your report on the effects of a new programme in criminal justice is almost finished, and the conclusion is that the programme achieves little. The steering committee includes two officials from the policy directorate that designed the programme. They send you a version with changes in which three critical paragraphs have been deleted and the summary has been made more positive. In a phone call one of them says that "the minister can\'t use it like this", and that the assignment for the follow-up study "hasn\'t been settled yet".',
      },
      question: {
        nl: 'Hoe ga je om met de voorgestelde wijzigingen?',
        en: 'How do you deal with the proposed changes?',
      },
      options: [
        {
          nl: 'Je neemt de wijzigingen over die feitelijke fouten of onduidelijkheden herstellen, en wijst de rest af met een korte motivering per punt.',
          en: 'You accept the changes that correct factual errors or unclear passages, and reject the rest with a short reason for each point.',
        },
        {
          nl: 'Voordat je reageert, leg je de wijzigingen en het telefoongesprek voor aan de directeur van het instituut.',
          en: 'Before you respond, you put the changes and the phone call before the director of the institute.',
        },
        {
          nl: 'Je neemt een deel van de formuleringen in de samenvatting over om de relatie met de opdrachtgever goed te houden, maar laat de conclusies staan.',
          en: 'You accept some of the wording in the summary to keep a good relationship with the client, but leave the conclusions as they are.',
        },
        {
          nl: 'Je legt alles vast en meldt het bij de integriteitscommissie, omdat de opmerking over het vervolgonderzoek als een dreiging voelt.',
          en: 'You record everything and report it to the integrity commission, because the remark about the follow-up study feels like a threat.',
        },
      ],
      values: {
        nl: 'Wetenschappelijke onafhankelijkheid en betrouwbare beleidsinformatie staan hier tegenover een goede relatie met de opdrachtgever en de continuïteit van het instituut. De Kamer en het publiek moeten erop kunnen vertrouwen dat onderzoek zegt wat de onderzoekers vonden, ook als dat slecht uitkomt. Beleid dat op bijgestelde conclusies rust, is gebouwd op verkeerde informatie.',
        en: 'Scientific independence and reliable policy information stand here against a good relationship with the client and the continuity of the institute. Parliament and the public must be able to trust that research says what the researchers found, even when that is inconvenient. Policy resting on adjusted conclusions is built on wrong information.',
      },
      roles: {
        nl: 'De begeleidingscommissie mag commentaar geven op feitelijke juistheid en helderheid, maar niet op de conclusies. De onderzoekers zijn verantwoordelijk voor de inhoud, en de directeur van het instituut bewaakt de onafhankelijkheid. De minister bepaalt wat hij met het rapport doet, niet wat erin staat.',
        en: 'The steering committee may comment on factual accuracy and clarity, but not on the conclusions. The researchers are responsible for the content, and the director of the institute guards independence. The minister decides what he does with the report, not what is in it.',
      },
      pressure: {
        nl: 'Hier lijken alle vier de criteria te gelden. Er is een opdrachtrelatie buiten de gewone lijn: de ambtenaren van het ministerie zijn opdrachtgever, niet je leidinggevende. Er is druk: er wordt stevig aangedrongen op het schrappen van passages, met een verwijzing naar de vervolgopdracht. Zowel de inhoud (onwelgevallige conclusies afzwakken) als het middel (de vervolgopdracht op het spel zetten) is oneigenlijk, en onderzoekers en beleidsmakers zouden dit herkennen als strijdig met de afspraken over onafhankelijk onderzoek.',
        en: 'All four criteria seem to apply here. There is a principal-agent relation outside the ordinary line: the ministry officials are the client, not your manager. There is pressure: the officials press hard for passages to be removed, with a reference to the follow-up assignment. Both the content (toning down unwelcome conclusions) and the means (putting the follow-up assignment at stake) are improper, and researchers and policymakers alike would recognise this as contrary to the agreements on independent research.',
      },
      reflection: {
        nl: 'Commentaar van een opdrachtgever is normaal en vaak nuttig; de grens ligt tussen verbeteren en sturen. Per punt beoordelen wat je overneemt, is de gewone werkwijze en houdt het gesprek zakelijk, maar laat de opmerking over de vervolgopdracht onbesproken. De directeur van het instituut erbij halen legt de bewaking van de onafhankelijkheid waar die hoort, en beschermt jou. Een deel van de samenvatting overnemen lijkt een kleine toegeving, maar de samenvatting is vaak het enige wat gelezen wordt. Een melding bij de integriteitscommissie is zwaar, maar bij dreiging met de vervolgopdracht niet misplaatst. Wat helpt: vraag wie precies deze wijzigingen wil, en op grond waarvan. Komt het van de minister, of is het een inschatting van de beleidsdirectie? Bewaar de versie met wijzigingen en schrijf op wat er aan de telefoon is gezegd, met de datum. En doe de toets van openbaarheid: zouden de betrokkenen het goed vinden als die versie openbaar werd? Wil je eerst sparren, dan kan dat met een vertrouwenspersoon of het ethiekpanel.',
        en: 'Comments from a client are normal and often useful; the line lies between improving and steering. Judging point by point what you accept is the usual way and keeps the exchange businesslike, but leaves the remark about the follow-up study undiscussed. Involving the institute\'s director puts the guarding of independence where it belongs, and protects you. Accepting part of the summary seems a small concession, but the summary is often the only thing anyone reads. A report to the integrity commission is a heavy step, but not out of place when the follow-up assignment is used as a threat. What helps: ask who exactly wants these changes, and on what basis. Does it come from the minister, or is it the policy directorate\'s own estimate? Keep the version with the changes and write down what was said on the phone, with the date. And apply the test of openness: would those involved be comfortable if that version became public? If you want to think it through first, you can do so with a confidential advisor or the ethics panel.',
      },
      prompts: [
        {
          nl: 'Waar ligt voor ons de grens tussen nuttig commentaar en sturing?',
          en: 'Where, for us, lies the line between useful comment and steering?',
        },
        {
          nl: 'Wie bewaakt bij ons de onafhankelijkheid van onderzoek of advies, en weet iedereen dat?',
          en: 'Who guards the independence of research or advice here, and does everyone know it?',
        },
        {
          nl: 'Hoe reageer je op een opmerking die als een dreiging voelt maar zo niet is uitgesproken?',
          en: 'How do you respond to a remark that feels like a threat but was not spoken as one?',
        },
      ],
      themes: ['political_pressure'],
      roleTags: ['employee', 'manager'],
    },
  },
  {
    key: 'promise-capacity',
    content: {
      title: {
        nl: 'Capaciteit toezeggen tijdens een Kamerdebat',
        en: 'Promising capacity during a parliamentary debate',
      },
      situation: {
        nl: 'Je bent afdelingshoofd bij een uitvoeringsdienst die de plaatsing in de crisisopvang coördineert. In de Tweede Kamer loopt een debat over de opvang deze winter. Laat op de avond gaat je telefoon: een ambtenaar van het ministerie belt vanuit het Kamergebouw. Een Kamerlid vraagt om een toezegging van vijfhonderd extra plekken, en de minister wil die graag meteen doen. ‘Kun je bevestigen dat dat lukt? We hebben binnen tien minuten antwoord nodig.’ Je weet dat die plekken afhangen van gemeenten en zorgaanbieders, en van personeel dat er nu niet is. Niemand kan dit aantal garanderen, jij ook niet.',
        en: 'You are head of department at an implementing agency that coordinates placements in crisis shelters. In parliament a debate is under way about shelter this winter. Late in the evening your phone rings: an official of the ministry is calling from the parliament building. A member of parliament is asking for a commitment to five hundred extra places, and the minister would like to make it straight away. "Can you confirm that it will work? We need an answer within ten minutes." You know that those places depend on municipalities and care providers, and on staff who are not there now. Nobody can guarantee this number, you included.',
      },
      question: {
        nl: 'Wat zeg je aan de telefoon?',
        en: 'What do you say on the phone?',
      },
      options: [
        {
          nl: 'Je zegt ja, omdat je verwacht dat het met extra inspanning ongeveer lukt, en omdat een nee de minister nu in verlegenheid brengt.',
          en: 'You say yes, because you expect that with extra effort it will roughly work, and because a no would embarrass the minister right now.',
        },
        {
          nl: 'Je zegt dat je het aantal niet kunt garanderen, en geeft aan wat je wel kunt zeggen: hoeveel plekken nu zeker zijn en wat er nodig is voor meer.',
          en: 'You say that you cannot guarantee the number, and state what you can say: how many places are certain now and what is needed for more.',
        },
        {
          nl: 'Je stelt voor dat de minister toezegt binnen een week per brief te laten weten wat haalbaar is, in plaats van nu een aantal te noemen.',
          en: 'You suggest that the minister commits to reporting by letter within a week on what is feasible, instead of naming a number now.',
        },
        {
          nl: 'Je vraagt wie precies om deze bevestiging vraagt en op grond waarvan, en zegt dat je niets toezegt zonder overleg met je directeur.',
          en: 'You ask who exactly is asking for this confirmation and on what basis, and say that you will commit to nothing without consulting your director.',
        },
      ],
      values: {
        nl: 'Eerlijkheid tegenover de Kamer staat hier tegenover loyaliteit aan de minister en de wens om te helpen. Een toezegging die niet wordt waargemaakt, schaadt het vertrouwen in de politiek én in de uitvoering. En het gaat om de mensen die opvang nodig hebben: een belofte die niet uitkomt, treft hen het hardst.',
        en: 'Honesty towards parliament stands here against loyalty to the minister and the wish to help. A commitment that is not kept damages trust in politics and in implementation alike. And it is about the people who need shelter: a promise that does not come true hits them hardest.',
      },
      roles: {
        nl: 'De minister beslist wat hij toezegt en is daarvoor verantwoordelijk tegenover de Kamer, die juist geïnformeerd moet worden. De ambtenaar aan de telefoon ondersteunt de minister, maar gaat niet over de capaciteit. Jij kent de uitvoering, maar gaat ook niet over de plekken bij gemeenten en zorgaanbieders.',
        en: 'The minister decides what he commits to and answers for it to parliament, which must be informed correctly. The official on the phone supports the minister, but has no say over the capacity. You know the implementation, but you have no say over the places at municipalities and care providers either.',
      },
      pressure: {
        nl: 'De vraag komt van het ministerie aan een uitvoeringsdienst, een opdrachtrelatie buiten de gewone lijn, dus het eerste criterium geldt. De tijdsdruk midden in een debat en de verwachting dat je ja zegt, maken het tot een krachtige poging om je te beïnvloeden. De inhoud, iets bevestigen wat niemand kan garanderen, is oneigenlijk, en het middel, een antwoord binnen tien minuten eisen, is op zijn minst twijfelachtig. Mensen in de uitvoering zouden herkennen dat hier van iemand iets wordt gevraagd wat niet bij zijn rol en bevoegdheden past. Tegelijk staat de beller zelf waarschijnlijk ook onder druk, en dat weegt mee bij hoe ernstig en verwijtbaar dit is.',
        en: 'The request comes from the ministry to an implementing agency, a principal-agent relation outside the ordinary line, so the first criterion applies. The time pressure in the middle of a debate and the expectation that you say yes make it a forceful attempt to influence you. The content, confirming what nobody can guarantee, is improper, and the means, demanding an answer within ten minutes, is at least questionable. People in implementation would recognise that someone is being asked for something that does not fit his role and powers. At the same time the caller is probably under pressure himself, and that counts in how serious and blameworthy this is.',
      },
      reflection: {
        nl: 'Het panel begrijpt de neiging om ja te zeggen: je wilt helpen, en een nee voelt als de minister laten vallen. Maar een toezegging die niet uitkomt, kost uiteindelijk meer: de Kamer is verkeerd geïnformeerd, en de mensen die op een plek wachten, worden teleurgesteld. Een kaal nee laat de minister met lege handen staan. Zeggen wat wel zeker is, of een brief binnen een week voorstellen, geeft de minister iets wat klopt, en dat is ook loyaal. Doorvragen wie dit vraagt en op grond waarvan is verstandig, maar tien minuten is kort; je mag ook zeggen: ‘Dat kan ik in tien minuten niet verantwoord beantwoorden.’ Doe de toets van openbaarheid: zou je je woorden terug willen lezen in het verslag van het debat? Schrijf daarna op wie wat vroeg en wat je antwoordde, en bespreek het met je directeur. Gebeurt dit vaker, leg het dan als morele vraag voor aan het ethiekpanel, of meld het bij de integriteitscommissie.',
        en: 'The panel understands the urge to say yes: you want to help, and a no feels like letting the minister down. But a commitment that does not come true costs more in the end: parliament has been misinformed, and the people waiting for a place are disappointed. A bare no leaves the minister empty-handed. Saying what is certain, or proposing a letter within a week, gives the minister something that is true, and that is loyal too. Asking who is asking this and on what basis is sensible, but ten minutes is short; you may also say: "I can\'t answer that responsibly in ten minutes." Apply the test of openness: would you want to read your words back in the record of the debate? Afterwards, write down who asked what and what you answered, and discuss it with your director. If this happens more often, put it to the ethics panel as a moral question, or report it to the integrity commission.',
      },
      prompts: [
        {
          nl: 'Wat is loyaal aan een minister: ja zeggen, of zeggen wat klopt?',
          en: 'What is loyal to a minister: saying yes, or saying what is true?',
        },
        {
          nl: 'Wat kun je vooraf regelen zodat je in zo’n moment niet alleen staat?',
          en: 'What can you arrange beforehand so that you are not alone in such a moment?',
        },
        {
          nl: 'Hoe komen signalen over wat de uitvoering niet aankan op tijd bij het ministerie?',
          en: 'How do signals about what implementation cannot handle reach the ministry in time?',
        },
      ],
      themes: ['political_pressure', 'loyalty'],
      roleTags: ['employee', 'manager', 'top_official'],
    },
  },
  {
    key: 'skip-quality-check',
    content: {
      title: {
        nl: 'De kwaliteitstoets overslaan, deze ene keer',
        en: 'Skipping the quality check, just this once',
      },
      situation: {
        nl: 'Je bent toezichthouder bij een omgevingsdienst. Bij een controle van een afvalverwerkingsbedrijf zie je dat de opslag van gevaarlijke stoffen niet voldoet, en in je rapport adviseer je een last onder dwangsom. Volgens de werkwijze gaat het rapport eerst naar een collega voor de kwaliteitstoets, en pas daarna naar het bevoegd gezag. Je teamleider vraagt je de toets deze keer over te slaan en het rapport ‘wat minder stellig’ te maken. Het bedrijf is een grote werkgever in de regio, de wethouder heeft contact gehad met de directie, en er komt binnenkort een gesprek. ‘We lossen het wel in overleg op.’',
        en: 'You are an inspector at an environmental enforcement agency. During an inspection of a waste processing company you find that the storage of hazardous substances does not comply, and in your report you advise an order subject to a penalty. Under the agreed procedure the report first goes to a colleague for the quality check, and only then to the competent authority. Your team leader asks you to skip the check this time and to make the report "a bit less firm". The company is a large employer in the region, the alderman has been in touch with its management, and a meeting is coming up soon. "We\'ll sort it out by talking."',
      },
      question: {
        nl: 'Wat doe je met je rapport en met de kwaliteitstoets?',
        en: 'What do you do with your report and with the quality check?',
      },
      options: [
        {
          nl: 'Je laat het rapport zoals het is, volgt de gewone werkwijze met de kwaliteitstoets, en zegt dat ook tegen je teamleider.',
          en: 'You leave the report as it is, follow the normal procedure including the quality check, and tell your team leader so.',
        },
        {
          nl: 'Je past de toon aan maar niet de bevindingen, en laat de toets wel doen: zo kom je je teamleider een eind tegemoet.',
          en: 'You adjust the tone but not the findings, and have the check done anyway: that way you meet your team leader partway.',
        },
        {
          nl: 'Je vraagt je teamleider de opdracht om de toets over te slaan op papier te zetten, met de reden erbij.',
          en: 'You ask your team leader to put the instruction to skip the check in writing, with the reason.',
        },
        {
          nl: 'Je bespreekt het eerst met de collega die de kwaliteitstoets doet, en vraagt hoe zij het verzoek ziet.',
          en: 'You first discuss it with the colleague who does the quality check, and ask how she sees the request.',
        },
      ],
      values: {
        nl: 'Veiligheid en gelijke behandeling staan hier voorop: gevaarlijke stoffen horen veilig te liggen, bij een groot bedrijf net zo goed als bij een klein. Ook de onafhankelijkheid van het toezicht en de kwaliteitstoets als waarborg spelen mee. Daartegenover staan legitieme belangen, zoals werkgelegenheid en handhaving in overleg, en loyaliteit aan je teamleider.',
        en: 'Safety and equal treatment come first here: hazardous substances must be stored safely, at a large company just as at a small one. The independence of supervision and the quality check as a safeguard play a part too. Against this stand legitimate interests, such as jobs and enforcement through dialogue, and loyalty to your team leader.',
      },
      roles: {
        nl: 'Jij stelt vast wat je ziet en adviseert. De collega van de kwaliteitstoets is een waarborg voor de kwaliteit van dat advies. Je teamleider is verantwoordelijk voor het proces, niet voor het afzwakken van bevindingen. Het bevoegd gezag beslist over handhaving, maar hoort niet te sturen op de inhoud van een controlerapport.',
        en: 'You establish what you see and advise. The colleague doing the quality check is a safeguard for the quality of that advice. Your team leader is responsible for the process, not for toning down findings. The competent authority decides on enforcement, but should not steer the content of an inspection report.',
      },
      pressure: {
        nl: 'Als het verzoek echt van de wethouder komt, is er een verhouding tussen bestuurder en toezichthouder buiten de gewone lijn; of dat zo is, weet je nog niet. Of er sprake is van druk, hangt af van hoe stellig je teamleider is en wat er gebeurt als je nee zegt. De inhoud, een kwaliteitstoets overslaan en bevindingen afzwakken, is oneigenlijk; het middel, een verwijzing naar bestuurlijk contact, is op zijn minst twijfelachtig. Toezichthouders zouden dit herkennen als strijdig met hun rol en met de regels voor onafhankelijk toezicht.',
        en: 'If the request really comes from the alderman, there is a relation between politician and inspector outside the ordinary line; whether that is so, you do not yet know. Whether there is pressure depends on how insistent your team leader is and on what happens if you say no. The content, skipping a quality check and toning down findings, is improper; the means, a reference to contact with the executive, is at least questionable. Inspectors would recognise this as contrary to their role and to the rules for independent supervision.',
      },
      reflection: {
        nl: 'Het panel ziet een verschil tussen de twee verzoeken. Een rapport duidelijker of rustiger formuleren kan prima, zolang de bevindingen en het advies blijven staan. De kwaliteitstoets overslaan is iets anders: die toets bestaat juist voor momenten waarop er van buiten druk op een rapport staat. Vasthouden aan de werkwijze is helder, maar kan de verhouding met je teamleider op scherp zetten. De toon aanpassen is een redelijke tegemoetkoming, zolang je het verschil tussen toon en inhoud bewaakt. De opdracht op papier vragen maakt duidelijk wie waarvoor verantwoordelijk is, zonder dat je weigert. Met de collega van de toets praten haalt een tweede blik erbij. Wat helpt: wie geeft mij precies deze opdracht, en op grond waarvan? Heeft de wethouder iets gevraagd, of is het een inschatting van je teamleider? Doe de toets van openbaarheid: kun je uitleggen waarom de toets bij dit bedrijf werd overgeslagen als er later iets misgaat? Voor advies kun je terecht bij een vertrouwenspersoon of het ethiekpanel, en voor een melding bij de integriteitscommissie.',
        en: 'The panel sees a difference between the two requests. Wording a report more clearly or more calmly is fine, as long as the findings and the advice stand. Skipping the quality check is something else: that check exists precisely for moments when a report is under pressure from outside. Holding on to the procedure is clear, but may strain your relationship with your team leader. Adjusting the tone is a reasonable concession, as long as you guard the difference between tone and content. Asking for the instruction in writing makes clear who is responsible for what, without you refusing. Talking to the colleague who does the check brings in a second view. What helps: who exactly gives me this assignment, and on what basis? Did the alderman ask for anything, or is it your team leader\'s own estimate? Apply the test of openness: could you explain why the check was skipped for this company if something later goes wrong? For advice you can turn to a confidential advisor or the ethics panel, and for a report to the integrity commission.',
      },
      prompts: [
        {
          nl: 'Wanneer is een uitzondering op de werkwijze verdedigbaar, en wie mag daarover beslissen?',
          en: 'When is an exception to the procedure defensible, and who may decide on it?',
        },
        {
          nl: 'Waar ligt het verschil tussen de toon van een rapport en de inhoud?',
          en: 'Where lies the difference between the tone of a report and its content?',
        },
        {
          nl: 'Hoe beschermen wij de kwaliteitstoets als het druk is of als er bestuurlijke belangen spelen?',
          en: 'How do we protect the quality check when things are busy or political interests are involved?',
        },
      ],
      themes: ['political_pressure', 'loyalty'],
      roleTags: ['employee', 'manager'],
    },
  },
];
