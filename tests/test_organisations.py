"""Organisations found by the genre's naming patterns, on sentences written in the style of
council and NHS board papers: kind words, defined acronyms, names that must not run across
'and', roles or headings, generic mentions and a council's own committees."""
from extractors.organisations import build_org_index
from schemas import Table
from tests.textpaper import extract

COVER = ["From: Jo Bloggs, Cabinet Member for Adult Social Care", "To: Cabinet - 3 March 2024",
         "Subject: Reablement services update", "Key decision: No"]
COUNCIL = "Exampleton Borough Council"


def names(*blocks, cover=COVER):
    return {o.name for o in extract(*blocks, cover=cover).organisations}


def test_bodies_are_named_by_their_kind_words():
    found = names(f"{COUNCIL} runs the service.",
                  "The Exampleton Reablement Service sits within the Adult Social Care and Health Directorate.",
                  "The Hospital Discharge Team works with Greenfield Primary School and the Department for Education.",
                  "Westshire Carers Partnership and the Kingsmere Integrated Care Alliance (KICA) met in May.")
    assert {"Exampleton Reablement Service", "Adult Social Care and Health Directorate", "Hospital Discharge Team",
            "Greenfield Primary School", "Department for Education", "Westshire Carers Partnership",
            "Kingsmere Integrated Care Alliance"} <= found


def test_a_defined_acronym_is_an_alias():
    out = extract("The Kingsmere Integrated Care Alliance (KICA) wrote to the minister.", "KICA will reply.", cover=COVER)
    [kica] = [o for o in out.organisations if o.name == "Kingsmere Integrated Care Alliance"]
    assert "KICA" in kica.aliases


def test_two_bodies_joined_by_and_stay_two_and_an_ampersand_stays_inside_a_name():
    found = names("A comparison was made between Westshire County Council and Ashby City Council, which was smaller.",
                  "Ashby & Kingsmere City Council and NHS Westshire ICB signed the agreement.")
    assert {"Westshire County Council", "Ashby City Council", "Ashby & Kingsmere City Council", "NHS Westshire ICB"} <= found
    assert not [n for n in found if " and " in n and n.endswith("Council")]
    assert "Kingsmere City Council" not in found


def test_a_sentence_opener_a_role_or_a_heading_is_not_part_of_a_name():
    # a place name is never a word the paper also writes in lower case ("adults", "health")
    found = names("Services for adults and their health were reviewed.",
                  "Should Exampleton Borough Council join the scheme, bus services could improve.",
                  "Jo Bloggs, Cabinet Member for Adults and Health Westshire County Council, attended.",
                  ("heading", "Recommendation"), "The County Council is asked to agree the plan.",
                  "The Chief Executive and the Corporate Director, Children and Families spoke.")
    assert {COUNCIL, "Westshire County Council"} <= found
    assert not [n for n in found if n.startswith(("Should", "Recommendation", "Adults", "Jo Bloggs"))]
    assert "Chief Executive" not in found


def test_a_councils_own_committees_take_its_name_and_cabinet_is_its_cabinet():
    out = extract(f"{COUNCIL} has reviewed the service.",
                  "The Scrutiny Committee considered the call-in on 2 February.",
                  "Cabinet considered the proposed amendments from Cabinet Committees.", cover=COVER)
    found = {o.name for o in out.organisations}
    assert {f"{COUNCIL} Scrutiny Committee", f"{COUNCIL} Cabinet", f"{COUNCIL} Cabinet Committees"} <= found
    assert "Scrutiny Committee" not in found
    [d] = [d for d in out.decisions] or [None]
    assert d is None or d.body == f"{COUNCIL} Cabinet"


def test_a_generic_name_joins_the_one_body_it_means():
    out = extract("Westshire County Council runs the libraries.", "The County Council will consult on closures.",
                  cover=COVER)
    [council] = [o for o in out.organisations if o.org_type == "council"]
    assert council.name == "Westshire County Council" and "County Council" in council.aliases
    assert [c.actor for c in out.commitments] == ["Westshire County Council"]


def test_a_kind_of_body_is_not_a_body_but_one_to_be_created_is():
    found = names(f"{COUNCIL} is exploring the development of an Accountable Care Organisation.",
                  "Create a Joint Commissioning Executive to oversee the pooled budget.")
    assert "Accountable Care Organisation" not in found
    assert "Joint Commissioning Executive" in found


def test_bodies_named_in_apposition():
    found = names("The project was delivered through the collaboration of local fathers, the charity Open Door, and apprentices.",
                  "The Council has a new recycling contract with Greenway Recycling, a company based in Exampleton.")
    assert {"Open Door", "Greenway Recycling"} <= found


def test_title_case_headings_and_rooms_are_not_bodies():
    found = names(("heading", "Working With Other Boards"), "Ask for: Sam Jones Council Chamber, Exampleton Town Hall",
                  "Local Government Reorganisation was discussed.")
    assert not [n for n in found if "Boards" in n or "Sam Jones" in n or n == "Local Government"]


def test_the_nhs_is_a_body_but_nhs_services_are_not_a_mention_of_it():
    out = extract("Costs fall on both the NHS and social care.", "The NHS will fund the pilot.",
                  "NHS services will be redesigned.", cover=COVER)
    assert "NHS" in {o.name for o in out.organisations}
    assert [c.actor for c in out.commitments if "fund" in c.quote] == ["NHS"]
    assert not [c for c in out.commitments if "redesigned" in c.quote and c.actor == "NHS"]


def test_a_tier_of_councils_named_together_is_one_body_however_ordered():
    out = extract(f"{COUNCIL} met the district and borough councils in May.",
                  "Engagement with borough and district councils remained key.", cover=COVER)
    tiers = [o for o in out.organisations if o.name.lower().endswith("councils")]
    assert len(tiers) == 1 and tiers[0].org_type == "council"


def test_a_spaced_acronym_and_a_name_short_of_its_compass_place_are_the_one_body():
    out = extract("The North Kingsmere Carers Partnership (NK CP) brings services together.",
                  "Members of the Carers Partnership meet quarterly in the north of the county.",
                  "The NK CP reports to the board.", cover=COVER)
    [partnership] = [o for o in out.organisations if "Carers Partnership" in o.name]
    assert partnership.name == "North Kingsmere Carers Partnership"
    assert {"NK CP", "Carers Partnership"} <= set(partnership.aliases)


def test_two_places_bodies_named_in_one_phrase_are_two_bodies_never_a_third():
    found = names("Ann Lee and Raj Dutt, Managing Directors, NHS Harlow Vale and Ormsby CCG, wrote in May.",
                  "The plan was agreed by Harlow Vale and Ormsby CCGs and by Ormsby & Delford County Councils.")
    assert {"NHS Harlow Vale CCG", "NHS Ormsby CCG", "Ormsby County Council",
            "Delford County Council"} <= found
    assert not [n for n in found if " and " in n or " & " in n]
    three = names("Jo Kim, Digital Lead, Ashby, Harlow Vale & Delford CCGs, chaired the group.")
    assert {"Ashby CCG", "Harlow Vale CCG", "Delford CCG"} <= three
    # an item that is a body of its own ('Ormsby Health') is no place: the phrase is left as it is
    assert not {"Ormsby Health CCG"} & names("Ormsby Health, Ashby & Delford CCGs met in May.")


def test_a_body_named_after_two_places_stays_one():
    found = names("NHS Harlow Vale and Ormsby Clinical Commissioning Group commissions the service.",
                  "Ann Lee, Chief Officer, Delford and Ormsby CCG, will report in June.",
                  "The Town and Parish Councils were consulted in May.")
    assert {"NHS Harlow Vale and Ormsby Clinical Commissioning Group", "Delford and Ormsby CCG",
            "Town and Parish Councils"} <= found


def test_a_name_only_ever_in_a_document_or_statute_title_is_no_body():
    found = names("We will refresh the Westshire Community Society Strategy by March.",
                  "Progress on the Westshire Community Society Strategy is reported quarterly.",
                  "Comments are made under the Local Authority (Adult Care, Health and Wellbeing Boards and "
                  "Scrutiny) Regulations 2013.",
                  "The Ashby Carers Alliance Delivery Plan was agreed; the Ashby Carers Alliance will lead it.")
    assert "Westshire Community Society" not in found
    assert not [n for n in found if "Wellbeing Boards" in n]
    assert "Ashby Carers Alliance" in found           # named once as the body, not only in its plan's title


def test_form_labels_and_protected_characteristics_are_no_bodies():
    found = names("Responsible Service", "Adult Social Care and Health",
                  "Are there negative impacts for Marriage and Civil Partnerships?",
                  "Mitigating actions for Marriage and Civil Partnerships", "Responsible Officer: Jo Bloggs",
                  "The Westshire Civil Partnership Registration Service holds ceremonies.")
    assert not [n for n in found if "Responsible" in n or n.endswith(("Civil Partnerships", "Civil Partnership"))]
    assert "Westshire Civil Partnership Registration Service" in found


def test_a_place_named_vale_of_keeps_its_opening_words():
    found = names("The Growth Board comprises Ashdown District Council, Vale of Kingsmere District Council and "
                  "Westshire County Council.")
    assert "Vale of Kingsmere District Council" in found
    assert "Kingsmere District Council" not in found


def test_a_police_and_crime_commissioner_is_one_body_and_a_ministers_title_ends_at_a_name():
    found = names("The service is funded by the Westshire Police and Crime Commissioner's Office.",
                  "Westshire Police and the Council run the scheme.",
                  "The Secretary of State for Education and the Minister for Care wrote to the Board.")
    assert {"Westshire Police and Crime Commissioner's Office", "Westshire Police", "Secretary of State for Education"} <= found
    assert not [n for n in found if n.endswith((" and", " &")) or n.startswith("Crime")]


def test_a_generic_name_several_named_bodies_share_is_no_body_of_its_own():
    text = ("NHS Ashby Clinical Commissioning Group and NHS Kingsmere Clinical Commissioning Group attend.\n"
            "Lay Chair Chair Clinical Commissioning Group\nThe Westshire Scrutiny Committee meets.\n"
            "The Scrutiny Committee will report.\n")
    found = {e.name for e in build_org_index(text, lambda offset: 1).entries}
    assert found == {"NHS Ashby Clinical Commissioning Group", "NHS Kingsmere Clinical Commissioning Group",
                     "Westshire Scrutiny Committee"}


def test_a_foundation_year_is_a_stage_of_training_not_a_foundation():
    found = names("Placements continue for Westshire Hospitals Foundation Year 2 doctors.",
                  "The Kingsmere Community Foundation funds the hub.")
    assert "Kingsmere Community Foundation" in found
    assert not [n for n in found if n.startswith("Westshire")]


def test_a_list_of_partners_names_bodies_by_their_plural_kind_but_not_bare_fields():
    found = names("The hub will work with partners including Health, Education, Westshire Faith Organisations, "
                  "Housing providers and Ashby Borough Council.")
    assert {"Westshire Faith Organisations", "Housing providers", "Ashby Borough Council"} <= found
    assert not {"Health", "Education"} & found


def test_a_units_initials_leave_out_its_kind_word_and_name_the_same_unit():
    out = extract("The Community Care and Housing Directorate runs the reablement service.",
                  "From April the CCH Directorate will also run hospital discharge, and CCH will report on it.",
                  cover=COVER)
    [unit] = [o for o in out.organisations if "Directorate" in o.name]
    assert unit.name == "Community Care and Housing Directorate"
    assert {"CCH", "CCH Directorate"} <= set(unit.aliases)


def test_forms_of_a_name_that_differ_only_in_a_comma_are_one_body():
    found = names("The Children, Families and Learning Directorate leads the work.",
                  "The Children Families and Learning Directorate will report in May.")
    assert len([n for n in found if n.endswith("Learning Directorate")]) == 1


def test_an_office_of_a_role_is_a_body_and_a_charitys_own_the_stays_in_its_name():
    found = names("The Council works with the Office of the Police and Crime Commissioner on community safety.",
                  "Last year the Council commissioned The Open Door Trust to run the helpline.",
                  "Report To The Westshire Carers Trust",
                  "The Clerk presented a bid from St Anne Church of the Hope Project, Memory Lane Café.")
    assert {"Office of the Police and Crime Commissioner", "The Open Door Trust", "Westshire Carers Trust"} <= found
    assert "The Westshire Carers Trust" not in found and not [n for n in found if "Café" in n]


def test_national_bodies_named_with_no_kind_word_or_in_lower_case_are_bodies_under_their_own_name():
    out = extract("The scheme is funded by central government until 2026.",
                  "Officers worked with national trading standards to close the case.",
                  "Advisers from Job Centre Plus attend the weekly clinic, and Ofsted inspected the service in May.",
                  "Referrals from the probation service rose by a third.", cover=COVER)
    by_name = {o.name: o for o in out.organisations}
    assert {"Central Government", "National Trading Standards", "Jobcentre Plus", "Ofsted",
            "Probation Service"} <= set(by_name)
    assert "central government" in by_name["Central Government"].aliases
    assert by_name["Ofsted"].org_type == "regulator"
    assert not {"Trading Standards", "Government"} & set(by_name)


def test_a_kind_word_in_lower_case_after_a_defined_acronym_names_a_body_and_the_acronym_alone_does_not():
    out = extract("The Adult Learning Disability (ALD) service will continue to assess young adults.",
                  "We will work with local NHS and Voluntary Community Social Enterprise (VCSE) groups on prevention.",
                  "Plans follow the ALD Code of Practice, and the ALD service reviews them yearly.", cover=COVER)
    by_name = {o.name: o for o in out.organisations}
    assert {"Adult Learning Disability service", "Voluntary Community Social Enterprise groups"} <= set(by_name)
    assert "ALD service" in by_name["Adult Learning Disability service"].aliases
    assert "ALD" not in by_name["Adult Learning Disability service"].aliases
    assert by_name["Voluntary Community Social Enterprise groups"].org_type == "voluntary"
    assert not [n for n in by_name if n.startswith("NHS and")]


def test_a_list_of_members_names_bodies_by_their_kind_word_even_in_lower_case():
    found = names("Membership of the Westshire Reducing Reoffending Board includes, but is not limited to, representatives "
                  "from Westshire Police, Probation, Public Health, Adults’ and Children’s services, the Westshire "
                  "debt advice services, young people’s substance misuse services, emergency housing providers "
                  "(for example, hostels), local Faith and Community sector organisations, and people with lived experience.",
                  "As leaders of local services, board members meet quarterly.")
    assert {"Westshire Police", "Probation Service", "Westshire debt advice services", "Emergency housing providers",
            "Faith and Community sector organisations"} <= found
    assert not {"Public Health", "Adults’ and Children’s services", "Young people’s substance misuse services",
                "Local services", "Services"} & found


def test_partnerships_and_management_teams_are_boards_and_the_nhs_is_not_nhs_england():
    out = extract("The Westshire Community Safety Partnership and the Corporate Management Team agreed the plan.",
                  "The NHS and NHS England will fund the pilot, and Public Health England published the data.",
                  cover=COVER)
    types = {o.name: o.org_type for o in out.organisations}
    assert types["Westshire Community Safety Partnership"] == "board"
    assert types["Corporate Management Team"] == "board"
    assert (types["NHS"], types["NHS England"], types["Public Health England"]) == ("other", "nhs_england", "other")


def test_a_council_paper_that_writes_only_a_county_councils_initials_means_that_council():
    out = extract("At WSCC any two members may call in a decision of the Cabinet.",
                  "The Scrutiny Committee referred the matter to Full Council.", cover=["To: Cabinet - 4 March 2025"])
    by_name = {o.name: o for o in out.organisations}
    assert "WSCC" in by_name["West Sussex County Council"].aliases
    # initials two county councils share ('SCC': Suffolk, Surrey, Staffordshire) name neither
    shared = names("At SCC any two members may call in a decision.", "The Council will respond.")
    assert not [n for n in shared if n.endswith("County Council")]
    # and a paper that is no council's ('the Council' never written) names none
    assert not [n for n in names("KCC and the ICB agreed the scope.") if n.endswith("County Council")]


def test_a_name_written_only_as_a_tier_of_geography_is_no_body():
    found = names("Most indicators are published at Upper Tier Local Authority (UTLA) level and some at "
                  "Primary Care Network footprint, or at Lower Tier level (district and borough councils).",
                  f"{COUNCIL} will publish the dashboard.",
                  "The Westshire Primary Care Network will host the clinic.")
    assert not {"Upper Tier Local Authority", "district and borough councils"} & found
    assert "Westshire Primary Care Network" in found


def test_a_body_named_before_what_it_is_in_lower_case_is_that_body():
    found = names("The Council gives the Harbour Arts gallery a grant of £200k each year.",
                  "A further grant goes to the Meadowbank hospice, and the programme runs from Exampleton library.")
    assert {"Harbour Arts", "Meadowbank"} <= found
    assert not [n for n in found if "library" in n.lower() or n.startswith("Exampleton")]


def test_the_cells_of_a_column_headed_organisation_are_bodies():
    grants = Table(page=1, rows=[["Organisation", "Project Summary", "Amount Requested", "Recommendation"],
                                 ["Friends of Elm Meadow", "New benches for the meadow.", "£1,200", "Approved."],
                                 ["Oakwood Ladies Bowls Club", "Bulbs along the green.", "£800", "Approved."],
                                 ["", "and a second planting in spring.", "", ""],
                                 ["YMCA (Eastgate)", "Youth sessions twice a week.", "£4,000", "Rejected."],
                                 ["Total", "", "£6,000", ""]])
    found = names("The committee considered the applications below.", grants)
    assert {"Friends of Elm Meadow", "Oakwood Ladies Bowls Club", "YMCA"} <= found
    assert not {"Total", "Approved", "Rejected"} & found
    assert not [n for n in found if n.startswith(("New benches", "Youth sessions", "£"))]


def test_a_trust_named_after_a_kind_word_and_a_department_with_commas_keep_their_whole_names():
    found = names("Westshire Partnership NHS Foundation Trust and Ashby Ambulance Service NHS Trust attended.",
                  "University Hospitals of Kingsmere NHS Foundation Trust (UHK) will host the clinic.",
                  "The Department for Levelling Up, Housing and Communities awarded the grant.",
                  f"{COUNCIL} NHS Ashby CCG signed the agreement.")
    assert {"Westshire Partnership NHS Foundation Trust", "Ashby Ambulance Service NHS Trust",
            "University Hospitals of Kingsmere NHS Foundation Trust",
            "Department for Levelling Up, Housing and Communities", COUNCIL, "NHS Ashby CCG"} <= found
    assert not {"Westshire Partnership", "Kingsmere NHS Foundation Trust", "Housing and Communities"} & found


def test_a_police_and_crime_commissioner_is_a_body_apart_from_the_force_and_hospices_are_charities():
    found = names("The Westshire Police and Crime Commissioner funds the Westshire Violence Reduction Unit.",
                  "The Children's Commissioner visited Westshire Hospice and Ashby Foodbank.")
    assert {"Westshire Police and Crime Commissioner", "Children's Commissioner for England", "Westshire Hospice",
            "Ashby Foodbank"} <= found
    assert "Westshire Police" not in found
    both = names("Westshire Police and the Police and Crime Commissioner for Westshire agreed the plan.")
    assert {"Westshire Police", "Police and Crime Commissioner for Westshire"} <= both


def test_in_a_councils_paper_a_service_named_by_what_it_does_is_the_councils_unit():
    out = extract(f"{COUNCIL} runs the Care Leavers Service for care leavers aged 18 to 25.",
                  "Referrals from the probation service and the Westshire Fire and Rescue Service rose.", cover=COVER)
    types = {o.name: o.org_type for o in out.organisations}
    assert types["Care Leavers Service"] == "council"
    assert types["Probation Service"] == types["Westshire Fire and Rescue Service"] == "other"


def test_a_local_healthwatch_named_before_and_is_a_body_of_its_own():
    found = names("Healthwatch Northmoor and Northmoor County Council ran the survey together.",
                  "Age UK Delby, Voluntary Action Ashby and the Ashby Carers Centre gave evidence.")
    assert {"Healthwatch Northmoor", "Northmoor County Council", "Age UK Delby", "Voluntary Action Ashby"} <= found
    assert not [n for n in found if n.startswith("Healthwatch") and n.endswith("Council")]


def test_primary_care_networks_by_their_initials():
    out = extract("Ashfield Central PCN has recruited two social prescribers under the PCN DES.",
                  "The Ashby North PCN and Ashby South PCN clinical directors met in May.", cover=COVER)
    found = {o.name for o in out.organisations}
    assert {"Ashfield Central PCN", "Ashby North PCN", "Ashby South PCN"} <= found
    assert not [n for n in found if "DES" in n or n == "PCN"]


def test_a_local_branch_of_a_national_charity_opens_at_its_place():
    found = names("Residents were referred to Delby Citizens Advice for debt advice.",
                  "Please contact Citizens Advice if you need help.", "Harrowgate Mencap runs the day centre.",
                  "Contact Mencap for details of the contact scheme.")
    assert {"Delby Citizens Advice", "Harrowgate Mencap"} <= found
    assert not [n for n in found if n.lower().startswith(("please", "contact"))]


def test_a_council_for_voluntary_service_is_one_charity_under_its_acronym_too():
    out = extract("Northmoor Council for Voluntary Service (CVS) supports local groups.",
                  "The CVS will run the volunteering fair in June.", cover=COVER)
    [cvs] = [o for o in out.organisations if "CVS" in o.aliases or o.name == "CVS"]
    assert cvs.name == "Northmoor Council for Voluntary Service" and cvs.org_type == "voluntary"


def test_the_body_of_one_place_is_not_the_joint_body_of_two():
    found = names("NHS Northmoor CCG and NHS Delby CCG merged in April to form NHS Northmoor and Delby CCG.")
    assert {"NHS Northmoor CCG", "NHS Delby CCG", "NHS Northmoor and Delby CCG"} <= found


def test_national_charities_and_ombudsmen_with_no_kind_word():
    found = names("Marie Curie and the British Red Cross provide support at home.",
                  "The Local Government and Social Care Ombudsman upheld the complaint.",
                  "NHS Providers and Carers UK responded to the consultation.")
    assert {"Marie Curie", "British Red Cross", "Local Government and Social Care Ombudsman", "NHS Providers",
            "Carers UK"} <= found
    assert "Social Care Ombudsman" not in found


def test_a_foundation_trust_written_ft_is_the_same_trust():
    out = extract("Northmoor Hospitals NHS Foundation Trust (NHFT) opened a new ward.",
                  "Northmoor Hospitals FT reported a deficit at month 9.", cover=COVER)
    [trust] = [o for o in out.organisations if o.org_type == "nhs_trust"]
    assert trust.name == "Northmoor Hospitals NHS Foundation Trust" and "Northmoor Hospitals FT" in trust.aliases


def test_a_youth_council_is_no_council():
    out = extract("Members of the Northmoor Youth Council presented their manifesto.", cover=COVER)
    assert [o.org_type for o in out.organisations if o.name == "Northmoor Youth Council"] == ["other"]


def test_text_a_font_misread_names_no_body():
    found = names("Sa‘e’uardin’ Adults Board Strate’ic Plan District and Borou’h Council Housin’ Strate’ies",
                  "St Mary’s Hospice and the Children’s Services Board met.")
    assert not [n for n in found if "’i" in n or "’h" in n]
    assert {"St Mary’s Hospice", "Children’s Services Board"} <= found


def test_local_authorities_in_the_plural_are_not_the_boards_one_council():
    cover = ["Northmoor Health and Wellbeing Board", "Date: 4 May 2021", "Report Title: Joint strategy refresh"]
    out = extract("The Board brings together senior leaders from the NHS, Local Authorities and the voluntary sector.",
                  "The Local Authority will lead the consultation.", "Northmoor County Council hosts the Board.",
                  cover=cover)
    by_name = {o.name: o for o in out.organisations}
    assert "Local Authorities" in by_name
    assert "Local Authorities" not in by_name["Northmoor County Council"].aliases


def test_a_healthwatch_report_or_visit_is_not_part_of_its_name():
    found = names("The Board noted the Healthwatch Northmoor Annual Report.",
                  "Healthwatch Delby Enter and View visits were made to three care homes.")
    assert {"Healthwatch Northmoor", "Healthwatch Delby"} <= found
    assert not [n for n in found if n.endswith(("Report", "Enter"))]


def test_a_short_form_of_one_longer_name_is_that_body():
    found = names("The Amenities, Leisure and Community Services Committee met on 3 May.",
                  "The Amenities Committee approved the grant.",
                  "Ashgrove Primary School applied for a grant; Ashgrove School will buy recycling bins.",
                  "Ridgeway Analytics Ltd supplies the dashboard and Ridgeway will train staff.")
    assert {"Amenities, Leisure and Community Services Committee", "Ashgrove Primary School"} <= found
    assert not {"Amenities Committee", "Ashgrove School", "Ridgeway"} & found


def test_the_body_of_one_of_two_places_is_no_short_form_of_the_joint_one():
    found = names("Delby CCG and Delby and Ormsby CCG signed the agreement.")
    assert {"Delby CCG", "Delby and Ormsby CCG"} <= found


def test_a_minutes_standing_item_titled_like_a_forum_is_no_body():
    found = names("Minutes of the meeting held on 4 June 2024.", "2710. Public Forum: No one present.",
                  "2711. Kingsmere Youth Forum: members presented their survey.")
    assert "Public Forum" not in found
    assert "Kingsmere Youth Forum" in found


def test_what_people_identify_as_in_equality_data_is_no_body():
    found = names("Of the people using the service, 3.1% identify as Church of England and 1.2% identify as Catholic.",
                  "The Church of England diocese runs two of the day centres.")
    assert "Church of England" in found     # named as a body elsewhere
    assert "Church of England" not in names("Of the people using the service, 3.1% identify as Church of England.")


def test_healthwatch_written_in_camel_case_is_healthwatch():
    assert "HealthWatch Westshire" in names("HealthWatch Westshire gathered the views of 300 residents.")


def test_a_costs_tables_line_of_common_words_is_no_body():
    found = names("The box office arrangements will be run by the events team.",
                  "Box Office, Marketing Press & PR £ 3,800", "Artists' fees £ 5,000",
                  "Exampleton Events Office, Ticketing £ 1,200")
    assert "Box Office" not in found
    assert "Exampleton Events Office" in found     # a name with a place of its own stays a body


def test_a_generic_body_named_for_its_place_after_its_kind_is_that_places_body():
    found = names("The Integrated Care System (ICS) for Northmoor will set out its priorities.",
                  "The ICS will report in June.")
    assert "Northmoor Integrated Care System" in found and "Integrated Care System" not in found
    assert "Partnership for Health" not in names("The Partnership for Health and Care met in May.")


def test_an_integrated_care_system_of_two_places_keeps_both():
    found = names("Delby and Ormsby Integrated Care System met in May.")
    assert "Delby and Ormsby Integrated Care System" in found and "Ormsby Integrated Care System" not in found


def test_whole_opens_a_name_but_not_a_kind_word_alone():
    found = names("The review was supported by Whole Systems Partnership.", "The Whole Council agreed the budget.")
    assert "Whole Systems Partnership" in found and "Whole Council" not in found


def test_parts_of_an_integrated_care_system_named_by_kind_take_the_place_of_the_part_named_by_place():
    found = names("The Delby and Ormsby Integrated Care Partnership (ICP) met in May.",
                  "The Integrated Care System will set the strategy and the Integrated Care Board agreed it.")
    assert {"Delby and Ormsby Integrated Care System", "NHS Delby and Ormsby Integrated Care Board"} <= found
    two_places = names("Delby Integrated Care Partnership met in May.", "NHS Ormsby Integrated Care Board attended.", "The Integrated Care System will set the strategy.")
    assert "Integrated Care System" in two_places


def test_a_national_body_is_found_where_no_word_runs_into_it_as_a_leading_lookbehind_finds_it():
    """`standalone` stands in for a leading (?<![\\w'’\\-]), which keeps Python's re from
    skipping ahead to a pattern's first characters; what it finds must not change."""
    import re

    from extractors.gazetteer import NATIONAL_BODIES, standalone

    text = ("Central Government funding ended; non-Central Government bodies and Ex-Central Government "
            "staff, and Jobcentre Plus.Jobcentre Plus with XJobcentre Plus")
    found = []
    for regex, _, _ in NATIONAL_BODIES:
        led = re.compile(r"(?<![\w'’\-])" + regex.pattern)
        spans = [m.span() for m in standalone(regex, text)]
        assert spans == [m.span() for m in led.finditer(text)], regex.pattern
        found += [text[start:end] for start, end in spans]
    assert sorted(found) == ["Central Government", "Jobcentre Plus", "Jobcentre Plus"]
