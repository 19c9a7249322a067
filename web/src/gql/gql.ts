/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      kind\n      role\n      permissions\n      user {\n        id\n        email\n        name\n      }\n      workspace {\n        id\n        name\n      }\n      memberships {\n        id\n        role\n        workspace {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      signedOutSessions\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateWorkspaceDocument,
    "\n  mutation JoinWorkspace($input: JoinWorkspaceInput!) {\n    joinWorkspace(input: $input) {\n      membership {\n        id\n        workspace {\n          id\n        }\n      }\n    }\n  }\n": typeof types.JoinWorkspaceDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query InvitationLink($token: String!) {\n    invitationLink(token: $token) {\n      state\n      email\n      role\n      workspaceName\n    }\n  }\n": typeof types.InvitationLinkDocument,
    "\n  query AcceptInvitationViewer {\n    viewer {\n      kind\n      user {\n        id\n        email\n      }\n    }\n  }\n": typeof types.AcceptInvitationViewerDocument,
    "\n  query PasswordResetLink($token: String!) {\n    passwordResetLink(token: $token) {\n      state\n      email\n    }\n  }\n": typeof types.PasswordResetLinkDocument,
    "\n  fragment ChannelSection_setting on ChannelSetting {\n    channel\n    provider\n    updatedAt\n    smtp {\n      host\n      port\n      security\n      username\n      hasPassword\n      fromName\n      fromAddress\n      replyTo\n    }\n    webhook {\n      url\n      statusCallbackUrl\n    }\n  }\n": typeof types.ChannelSection_SettingFragmentDoc,
    "\n  mutation UseInboxChannel($channel: ContentChannel!) {\n    useInboxChannel(channel: $channel) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n": typeof types.UseInboxChannelDocument,
    "\n  mutation SendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      outcome\n      reason\n      to\n      provider\n    }\n  }\n": typeof types.SendTestMessageDocument,
    "\n  mutation SetSmtpChannel($input: SetSmtpChannelInput!) {\n    setSmtpChannel(input: $input) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n": typeof types.SetSmtpChannelDocument,
    "\n  mutation SetWebhookChannel($input: SetWebhookChannelInput!) {\n    setWebhookChannel(input: $input) {\n      signingSecret\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n": typeof types.SetWebhookChannelDocument,
    "\n  query ChannelSettings {\n    channelSettings {\n      channel\n      ...ChannelSection_setting\n    }\n  }\n": typeof types.ChannelSettingsDocument,
    "\n  query PersonalisationTokens($triggerId: ID) {\n    personalisationTokens(triggerId: $triggerId) {\n      token\n      label\n      source\n    }\n  }\n": typeof types.PersonalisationTokensDocument,
    "\n  mutation CreateContent($input: CreateContentInput!) {\n    createContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n": typeof types.CreateContentDocument,
    "\n  mutation DuplicateContent($input: DuplicateContentInput!) {\n    duplicateContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n": typeof types.DuplicateContentDocument,
    "\n  mutation MarkContentReady($input: MarkContentReadyInput!) {\n    markContentReady(input: $input) {\n      content {\n        id\n        state\n        revision\n      }\n    }\n  }\n": typeof types.MarkContentReadyDocument,
    "\n  mutation UpdateContent($input: UpdateContentInput!) {\n    updateContent(input: $input) {\n      content {\n        id\n        state\n        revision\n        name\n        subject\n        senderName\n        htmlBody\n        textBody\n        body\n        title\n        link\n      }\n    }\n  }\n": typeof types.UpdateContentDocument,
    "\n  query ContentItem($id: ID!) {\n    content(id: $id) {\n      id\n      channel\n      name\n      state\n      revision\n      subject\n      senderName\n      htmlBody\n      textBody\n      body\n      title\n      link\n      liveJourneys\n    }\n  }\n": typeof types.ContentItemDocument,
    "\n  query PreviewContent($input: PreviewContentInput!) {\n    previewContent(input: $input) {\n      subject\n      html\n      text\n      body\n      title\n    }\n  }\n": typeof types.PreviewContentDocument,
    "\n  query ContentReadiness($input: PreviewContentInput!) {\n    contentReadiness(input: $input) {\n      field\n      code\n      message\n    }\n  }\n": typeof types.ContentReadinessDocument,
    "\n  query Contents($filter: ContentFilter, $after: String) {\n    contents(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        channel\n        state\n        updatedAt\n        liveJourneys\n      }\n    }\n  }\n": typeof types.ContentsDocument,
    "\n  fragment ConsentHistory_change on ConsentChange {\n    id\n    changedAt\n    channel\n    purpose\n    status\n    source\n    contactPoint\n  }\n": typeof types.ConsentHistory_ChangeFragmentDoc,
    "\n  fragment ConsentTable_customer on Customer {\n    id\n    email\n    phone\n    erasedAt\n    consents {\n      channel\n      purpose\n      status\n      allowsSending\n      changedAt\n      source\n      contactPoint\n    }\n  }\n": typeof types.ConsentTable_CustomerFragmentDoc,
    "\n  fragment CustomerFormDialog_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    fields\n  }\n": typeof types.CustomerFormDialog_CustomerFragmentDoc,
    "\n  query CustomerByAuthId($kind: CustomerIdentity!, $authId: String!) {\n    customerByAuthId(kind: $kind, authId: $authId) {\n      id\n    }\n  }\n": typeof types.CustomerByAuthIdDocument,
    "\n  fragment CustomerIdentity_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    source\n    createdAt\n    updatedAt\n  }\n": typeof types.CustomerIdentity_CustomerFragmentDoc,
    "\n  fragment CustomerJourneyRuns_run on JourneyRun {\n    id\n    journeyId\n    status\n    stepId\n    enteredAt\n    journey {\n      id\n      name\n      definition {\n        steps {\n          id\n          type\n          label\n        }\n      }\n    }\n  }\n": typeof types.CustomerJourneyRuns_RunFragmentDoc,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n    phone\n    createdAt\n    erasedAt\n  }\n": typeof types.CustomerRow_CustomerFragmentDoc,
    "\n  fragment CustomerTimeline_event on TriggerEventRecord {\n    id\n    accepted\n    occurredAt\n    triggerKey\n    version\n    test\n    trigger {\n      id\n      title\n    }\n    reasons {\n      code\n      field\n      message\n    }\n  }\n": typeof types.CustomerTimeline_EventFragmentDoc,
    "\n  fragment DeviceList_customer on Customer {\n    id\n    devices {\n      app\n      platform\n      token\n      createdAt\n      lastSeenAt\n    }\n  }\n": typeof types.DeviceList_CustomerFragmentDoc,
    "\n  fragment CustomerPicker_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n  }\n": typeof types.CustomerPicker_CustomerFragmentDoc,
    "\n  query CustomerOptions($search: String) {\n    customers(first: 20, filter: { search: $search }) {\n      nodes {\n        ...CustomerPicker_customer\n      }\n    }\n  }\n": typeof types.CustomerOptionsDocument,
    "\n  mutation EraseCustomer($input: EraseCustomerInput!) {\n    eraseCustomer(input: $input) {\n      id\n    }\n  }\n": typeof types.EraseCustomerDocument,
    "\n  mutation ImportCustomers($input: ImportCustomersInput!) {\n    importCustomers(input: $input) {\n      accepted\n      created\n      updated\n      refused {\n        row\n        field\n        reason\n        message\n      }\n    }\n  }\n": typeof types.ImportCustomersDocument,
    "\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      id\n      ...ConsentTable_customer\n    }\n  }\n": typeof types.SetConsentDocument,
    "\n  mutation UpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      created\n      customer {\n        id\n        ...CustomerRow_customer\n        ...CustomerIdentity_customer\n        ...CustomerFormDialog_customer\n      }\n    }\n  }\n": typeof types.UpsertCustomerDocument,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      kind\n      authId\n      firstName\n      lastName\n      email\n      erasedAt\n      fields\n      ...CustomerIdentity_customer\n      ...CustomerFormDialog_customer\n      ...ConsentTable_customer\n      ...DeviceList_customer\n    }\n    customerFields {\n      name\n      label\n      type\n    }\n  }\n": typeof types.CustomerDocument,
    "\n  query CustomerConsentHistory($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      consentHistory(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ConsentHistory_change\n        }\n      }\n    }\n  }\n": typeof types.CustomerConsentHistoryDocument,
    "\n  query CustomerTimeline($id: ID!, $accepted: Boolean, $after: String) {\n    customer(id: $id) {\n      id\n      timeline(first: 20, after: $after, accepted: $accepted) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerTimeline_event\n        }\n      }\n    }\n  }\n": typeof types.CustomerTimelineDocument,
    "\n  query CustomerJourneyRuns($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      journeyRuns(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerJourneyRuns_run\n        }\n      }\n    }\n  }\n": typeof types.CustomerJourneyRunsDocument,
    "\n  query Customers($filter: CustomerFilter, $after: String) {\n    customers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...CustomerRow_customer\n      }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  query CustomerImportMapping($headers: [String!]!) {\n    customerImportMapping(headers: $headers) {\n      suggestions\n      targets {\n        key\n        label\n      }\n    }\n  }\n": typeof types.CustomerImportMappingDocument,
    "\n  fragment InboxRow_message on InboxMessage {\n    id\n    channel\n    recipient\n    fromName\n    subject\n    title\n    body\n    textBody\n    test\n    receivedAt\n  }\n": typeof types.InboxRow_MessageFragmentDoc,
    "\n  query InboxMessage($id: ID!) {\n    inboxMessage(id: $id) {\n      id\n      messageId\n      channel\n      recipient\n      fromName\n      subject\n      htmlBody\n      textBody\n      body\n      title\n      link\n      headers\n      test\n      receivedAt\n    }\n  }\n": typeof types.InboxMessageDocument,
    "\n  query InboxMessages($channel: ContentChannel, $after: String) {\n    inboxMessages(first: 50, after: $after, channel: $channel) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...InboxRow_message\n      }\n    }\n  }\n": typeof types.InboxMessagesDocument,
    "\n  fragment RunLog_entry on JourneyRunLogEntry {\n    id\n    stepId\n    kind\n    detail\n    at\n  }\n": typeof types.RunLog_EntryFragmentDoc,
    "\n  fragment RunMessage_message on JourneyMessage {\n    id\n    stepId\n    channel\n    recipient\n    senderName\n    subject\n    htmlBody\n    textBody\n    body\n    title\n    link\n    status\n    reason\n    reasonDetail\n    interactions\n    createdAt\n    sentAt\n  }\n": typeof types.RunMessage_MessageFragmentDoc,
    "\n  fragment RunRow_run on JourneyRun {\n    id\n    journeyId\n    customerId\n    status\n    stepId\n    binding\n    enteredAt\n    endedAt\n    customer {\n      id\n      authId\n      email\n    }\n  }\n": typeof types.RunRow_RunFragmentDoc,
    "\n  fragment RunSummary_journey on Journey {\n    id\n    runCounts {\n      entered\n      active\n      waiting\n      completed\n      exited\n      stopped\n      failed\n      goalReached\n      refused {\n        reason\n        count\n      }\n    }\n  }\n": typeof types.RunSummary_JourneyFragmentDoc,
    "\n  query TestRunSample($triggerId: ID!, $number: Int!, $pinned: Boolean!) {\n    trigger(id: $triggerId) {\n      id\n      currentVersion {\n        id\n        sampleAttributes\n      }\n      version(number: $number) @include(if: $pinned) {\n        id\n        sampleAttributes\n      }\n    }\n  }\n": typeof types.TestRunSampleDocument,
    "\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n": typeof types.CreateJourneyDocument,
    "\n  mutation DuplicateJourney($input: DuplicateJourneyInput!) {\n    duplicateJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n": typeof types.DuplicateJourneyDocument,
    "\n  subscription JourneyRunUpdated($journeyId: ID!) {\n    journeyRunUpdated(journeyId: $journeyId) {\n      journey {\n        id\n        stepCounts {\n          stepId\n          entered\n          waiting\n          passedOn\n          exited\n        }\n        ...RunSummary_journey\n      }\n    }\n  }\n": typeof types.JourneyRunUpdatedDocument,
    "\n  subscription JourneyCanvasMessages($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      journeyId\n      messages {\n        stepId\n        channel\n        delivered\n        opened\n        openRate\n      }\n    }\n  }\n": typeof types.JourneyCanvasMessagesDocument,
    "\n  fragment BuilderTriggerFields on Trigger {\n    id\n    title\n    versions {\n      number\n      usableNow\n      attributes {\n        name\n        type\n        comparators\n      }\n    }\n  }\n": typeof types.BuilderTriggerFieldsFragmentDoc,
    "\n  fragment BuilderContentFields on ContentItem {\n    id\n    name\n    channel\n    state\n  }\n": typeof types.BuilderContentFieldsFragmentDoc,
    "\n  query TriggerOptions($filter: TriggerFilter) {\n    triggers(first: 20, filter: $filter) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n  }\n": typeof types.TriggerOptionsDocument,
    "\n  query ChannelContentOptions($channel: ContentChannel!, $search: String) {\n    contents(first: 20, filter: { channel: $channel, search: $search }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n": typeof types.ChannelContentOptionsDocument,
    "\n  mutation PublishJourney($input: JourneyIdInput!) {\n    publishJourney(input: $input) {\n      journey {\n        id\n        status\n        publishedAt\n      }\n    }\n  }\n": typeof types.PublishJourneyDocument,
    "\n  mutation UpdateJourney($input: UpdateJourneyInput!) {\n    updateJourney(input: $input) {\n      journey {\n        id\n        revision\n        name\n      }\n    }\n  }\n": typeof types.UpdateJourneyDocument,
    "\n  mutation SimulateJourney($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      startedAt\n      endStatus\n      endStepId\n      endedAt\n      goalReachedAt\n      path {\n        stepId\n        kind\n        at\n        detail\n      }\n      messages {\n        stepId\n        channel\n        contentId\n        subject\n        htmlBody\n        textBody\n        body\n        title\n        at\n      }\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n": typeof types.SimulateJourneyDocument,
    "\n  mutation StopJourney($input: JourneyIdInput!) {\n    stopJourney(input: $input) {\n      journey {\n        id\n        status\n        stoppedAt\n      }\n    }\n  }\n": typeof types.StopJourneyDocument,
    "\n  mutation ValidateJourney($input: JourneyIdInput!) {\n    validateJourney(input: $input) {\n      valid\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n": typeof types.ValidateJourneyDocument,
    "\n  fragment JourneyAnalyticsView on JourneyAnalytics {\n    journeyId\n    totals {\n      entered\n      customers\n      active\n      completed\n      exited\n      exitedByReason {\n        reason\n        count\n      }\n      stopped\n      failed\n      refused\n      refusedByReason {\n        reason\n        count\n      }\n      goalReached\n      goalPercent\n      goalTarget\n    }\n    tiles {\n      stepId\n      inflow\n      processing\n      processed\n      exited\n    }\n    messages {\n      stepId\n      channel\n      sent\n      delivered\n      opened\n      openedHuman\n      clicked\n      bounced\n      blocked\n      failed\n      held\n      retrying\n      deliveryRate\n      openRate\n      clickRate\n    }\n    series {\n      at\n      entered\n      completed\n      exited\n      goalReached\n    }\n  }\n": typeof types.JourneyAnalyticsViewFragmentDoc,
    "\n  query JourneyAnalytics($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalytics(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n": typeof types.JourneyAnalyticsDocument,
    "\n  subscription JourneyAnalyticsUpdated($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n": typeof types.JourneyAnalyticsUpdatedDocument,
    "\n  query JourneyStepCustomersCsv($journeyId: ID!, $stepId: String!) {\n    journeyStepCustomersCsv(journeyId: $journeyId, stepId: $stepId)\n  }\n": typeof types.JourneyStepCustomersCsvDocument,
    "\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      revision\n      definition {\n        startTriggerId\n        startTriggerVersion\n        repeatPolicy\n        repeatAfterSeconds\n        startAt\n        endAt\n        goalTriggerId\n        goalPercent\n        exitTriggerIds\n        ignoreFrequencyCap\n        firstStepId\n        steps {\n          id\n          type\n          label\n          next\n          yes\n          no\n          contentId\n          sendTo\n          branchStepId\n          interactionTriggerKey\n          waitTriggerId\n          withinSeconds\n          attribute\n          comparator\n          values\n          waitSeconds\n          waitUntil\n        }\n      }\n      stepCounts {\n        stepId\n        entered\n        waiting\n        passedOn\n        exited\n      }\n      ...RunSummary_journey\n    }\n  }\n": typeof types.JourneyBuilderDocument,
    "\n  query JourneyReferences($triggerIds: [ID!], $contentIds: [ID!]) {\n    triggers(first: 100, filter: { ids: $triggerIds, includeHidden: true }) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n    contents(first: 100, filter: { ids: $contentIds }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n": typeof types.JourneyReferencesDocument,
    "\n  query JourneyRun($id: ID!) {\n    journeyRun(id: $id) {\n      id\n      journeyId\n      customerId\n      status\n      stepId\n      stepStartedAt\n      timerAt\n      waitKind\n      waitTriggerId\n      binding\n      enteredAt\n      endedAt\n      endReason\n      error\n      goalReachedAt\n      updatedAt\n      customer {\n        id\n        authId\n        email\n      }\n      journey {\n        id\n        name\n        definition {\n          exitTriggerIds\n          steps {\n            id\n            type\n            label\n            interactionTriggerKey\n            waitTriggerId\n          }\n        }\n      }\n      log {\n        id\n        ...RunLog_entry\n      }\n      messages {\n        id\n        stepId\n        ...RunMessage_message\n      }\n    }\n  }\n": typeof types.JourneyRunDocument,
    "\n  query JourneyRunTriggers($ids: [ID!]) {\n    triggers(first: 100, filter: { ids: $ids, includeHidden: true }) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": typeof types.JourneyRunTriggersDocument,
    "\n  query JourneyRuns($journeyId: ID!, $first: Int!, $after: String, $filter: JourneyRunFilter) {\n    journeyRuns(journeyId: $journeyId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow_run\n      }\n    }\n  }\n": typeof types.JourneyRunsDocument,
    "\n  query Journeys($filter: JourneyFilter, $after: String) {\n    journeys(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        status\n        publishedAt\n        updatedAt\n        startTrigger {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.JourneysDocument,
    "\n  query LiveDashboard($after: String) {\n    triggers(first: 100, after: $after, filter: { kind: [CUSTOM] }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        key\n        title\n        status\n        readyAt\n      }\n    }\n  }\n": typeof types.LiveDashboardDocument,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    label\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  fragment AuditRow_entry on AuditEntry {\n    id\n    createdAt\n    actorType\n    actorId\n    actorLabel\n    actorName\n    action\n    targetType\n    targetId\n    targetName\n    details\n  }\n": typeof types.AuditRow_EntryFragmentDoc,
    "\n  query ChannelPolicies {\n    channelSettings {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n": typeof types.ChannelPoliciesDocument,
    "\n  fragment MemberRow_membership on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n": typeof types.MemberRow_MembershipFragmentDoc,
    "\n  query PendingInvitations {\n    pendingInvitations {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  query WorkspaceTimeZone {\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n": typeof types.WorkspaceTimeZoneDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation CreatePasswordResetLink($input: CreatePasswordResetLinkInput!) {\n    createPasswordResetLink(input: $input) {\n      resetUrl\n      expiresAt\n    }\n  }\n": typeof types.CreatePasswordResetLinkDocument,
    "\n  mutation DefineCustomerField($input: DefineCustomerFieldInput!) {\n    defineCustomerField(input: $input) {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n": typeof types.DefineCustomerFieldDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($input: InvitationRefInput!) {\n    resendInvitation(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n        expiresAt\n      }\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation RevokeIngestionKey($input: RevokeIngestionKeyInput!) {\n    revokeIngestionKey(input: $input) {\n      ingestionKey {\n        id\n        state\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeIngestionKeyDocument,
    "\n  mutation RevokeInvitation($input: InvitationRefInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation RotateIngestionKey($input: RotateIngestionKeyInput!) {\n    rotateIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        prefix\n      }\n    }\n  }\n": typeof types.RotateIngestionKeyDocument,
    "\n  mutation SetConsentPolicy($input: SetConsentPolicyInput!) {\n    setConsentPolicy(input: $input) {\n      channel\n      model\n    }\n  }\n": typeof types.SetConsentPolicyDocument,
    "\n  mutation SetFrequencyCap($input: SetFrequencyCapInput!) {\n    setFrequencyCap(input: $input) {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n    }\n  }\n": typeof types.SetFrequencyCapDocument,
    "\n  mutation SetQuietHours($input: SetQuietHoursInput!) {\n    setQuietHours(input: $input) {\n      channel\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n  }\n": typeof types.SetQuietHoursDocument,
    "\n  mutation SetWorkspaceTimeZone($input: SetWorkspaceTimeZoneInput!) {\n    setWorkspaceTimeZone(input: $input) {\n      id\n      timeZone\n    }\n  }\n": typeof types.SetWorkspaceTimeZoneDocument,
    "\n  query ApiKeys($includeRevoked: Boolean!, $after: String) {\n    apiKeys(first: 50, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  query AuditLog($filter: AuditFilter, $after: String) {\n    auditLog(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow_entry\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditLogFilters {\n    auditLogActions {\n      action\n      targetType\n    }\n    members(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.AuditLogFiltersDocument,
    "\n  query AuditLogCsv($filter: AuditFilter) {\n    auditLogCsv(filter: $filter)\n  }\n": typeof types.AuditLogCsvDocument,
    "\n  subscription AuditEntryAppended {\n    auditEntryAppended {\n      id\n      ...AuditRow_entry\n    }\n  }\n": typeof types.AuditEntryAppendedDocument,
    "\n  query ConsentPolicies {\n    consentPolicies {\n      channel\n      model\n    }\n  }\n": typeof types.ConsentPoliciesDocument,
    "\n  query CustomerFieldsSettings {\n    customerFields {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n": typeof types.CustomerFieldsSettingsDocument,
    "\n  query IngestionKeysSettings($includeRetired: Boolean!) {\n    ingestionKeys(includeRetired: $includeRetired) {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n      createdAt\n      expiresAt\n      lastUsedAt\n      acceptedCount\n      rejectedCount\n    }\n  }\n": typeof types.IngestionKeysSettingsDocument,
    "\n  query Members($after: String) {\n    members(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...MemberRow_membership\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  fragment EventStream_event on TriggerEventRecord {\n    id\n    accepted\n    test\n    authId\n    receivedAt\n    version\n    reasons {\n      code\n      field\n      message\n    }\n    payload\n  }\n": typeof types.EventStream_EventFragmentDoc,
    "\n  subscription EventStream($id: ID!) {\n    triggerEvents(triggerId: $id) {\n      ...EventStream_event\n    }\n  }\n": typeof types.EventStreamDocument,
    "\n  query EventHistory($id: ID!, $accepted: Boolean, $first: Int!, $after: String) {\n    triggerEventLog(triggerId: $id, accepted: $accepted, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...EventStream_event\n      }\n    }\n  }\n": typeof types.EventHistoryDocument,
    "\n  query RefusedRequests($first: Int!, $after: String) {\n    refusedRequests(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        endpoint\n        reason\n        message\n        origin\n        keyPrefix\n        triggerKey\n        triggerTitle\n        items\n      }\n    }\n  }\n": typeof types.RefusedRequestsDocument,
    "\n  query IngestionKeys {\n    ingestionKeys {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n    }\n  }\n": typeof types.IngestionKeysDocument,
    "\n  query TriggerSnippet($id: ID!, $language: SnippetLanguage!, $keyId: ID!, $secret: String) {\n    trigger(id: $id) {\n      id\n      snippet(language: $language, ingestionKeyId: $keyId, ingestionKeySecret: $secret) {\n        filename\n        code\n        instructions\n        securityAdvice\n        keyIncluded\n      }\n    }\n  }\n": typeof types.TriggerSnippetDocument,
    "\n  fragment TriggerDetails_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    description\n    category\n    identity\n    source\n    status\n    hiddenAt\n    latestVersion\n    editLockedUntil\n    outOfBox\n    canStartJourneys\n    createdAt\n    updatedAt\n    currentVersion {\n      id\n      number\n      usableFrom\n      usableNow\n      attributes {\n        name\n        displayName\n        description\n        type\n        required\n        maxLength\n        entity\n        comparators\n      }\n      allowedOperations {\n        identifier\n        read\n        write\n      }\n    }\n  }\n": typeof types.TriggerDetails_TriggerFragmentDoc,
    "\n  fragment TriggerRow_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    category\n    status\n    hiddenAt\n    latestVersion\n    updatedAt\n  }\n": typeof types.TriggerRow_TriggerFragmentDoc,
    "\n  subscription WatchVerification($id: ID!) {\n    triggerVerification(triggerId: $id) {\n      status\n      readyAt\n      validCount\n      invalidCount\n      firstEventAt\n      lastEventAt\n      recentRejections {\n        at\n        reasons {\n          code\n          field\n          message\n        }\n      }\n    }\n  }\n": typeof types.WatchVerificationDocument,
    "\n  mutation CreateIngestionKey($input: CreateIngestionKeyInput!) {\n    createIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        label\n        prefix\n        allowedOrigins\n        state\n      }\n    }\n  }\n": typeof types.CreateIngestionKeyDocument,
    "\n  mutation CreateTrigger($input: CreateTriggerInput!) {\n    createTrigger(input: $input) {\n      trigger {\n        id\n        key\n      }\n    }\n  }\n": typeof types.CreateTriggerDocument,
    "\n  mutation HideTrigger($input: HideTriggerInput!) {\n    hideTrigger(input: $input) {\n      trigger {\n        id\n        hiddenAt\n      }\n    }\n  }\n": typeof types.HideTriggerDocument,
    "\n  subscription LiveReadiness {\n    triggerReadiness {\n      trigger {\n        id\n        status\n        readyAt\n      }\n    }\n  }\n": typeof types.LiveReadinessDocument,
    "\n  mutation SendTestEvent($input: SendTestEventInput!) {\n    sendTestEvent(input: $input) {\n      accepted\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": typeof types.SendTestEventDocument,
    "\n  query TriggerTitleAvailable($title: String!, $exceptTriggerId: ID) {\n    triggerTitleAvailable(title: $title, exceptTriggerId: $exceptTriggerId)\n  }\n": typeof types.TriggerTitleAvailableDocument,
    "\n  query TriggerKeyAvailable($key: String!) {\n    triggerKeyAvailable(key: $key)\n  }\n": typeof types.TriggerKeyAvailableDocument,
    "\n  mutation UpdateTrigger($input: UpdateTriggerInput!) {\n    updateTrigger(input: $input) {\n      trigger {\n        id\n        ...TriggerDetails_trigger\n      }\n      version {\n        id\n        number\n        breaking\n      }\n    }\n  }\n": typeof types.UpdateTriggerDocument,
    "\n  query Trigger($id: ID!) {\n    trigger(id: $id) {\n      id\n      liveJourneys\n      ...TriggerDetails_trigger\n    }\n  }\n": typeof types.TriggerDocument,
    "\n  query TriggerVersions($id: ID!) {\n    trigger(id: $id) {\n      id\n      key\n      versions {\n        id\n        number\n        title\n        createdAt\n        authorLabel\n        breaking\n        usableFrom\n        usableNow\n        jsonSchema\n        changes {\n          summary\n          breaking\n        }\n      }\n    }\n  }\n": typeof types.TriggerVersionsDocument,
    "\n  query TriggerVersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    triggerVersionDiff(triggerId: $id, from: $from, to: $to) {\n      breaking\n      changes {\n        kind\n        summary\n        breaking\n      }\n    }\n  }\n": typeof types.TriggerVersionDiffDocument,
    "\n  query Triggers($filter: TriggerFilter, $after: String) {\n    triggers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...TriggerRow_trigger\n      }\n    }\n  }\n": typeof types.TriggersDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      kind\n      role\n      permissions\n      user {\n        id\n        email\n        name\n      }\n      workspace {\n        id\n        name\n      }\n      memberships {\n        id\n        role\n        workspace {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      signedOutSessions\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n": types.CreateWorkspaceDocument,
    "\n  mutation JoinWorkspace($input: JoinWorkspaceInput!) {\n    joinWorkspace(input: $input) {\n      membership {\n        id\n        workspace {\n          id\n        }\n      }\n    }\n  }\n": types.JoinWorkspaceDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  query InvitationLink($token: String!) {\n    invitationLink(token: $token) {\n      state\n      email\n      role\n      workspaceName\n    }\n  }\n": types.InvitationLinkDocument,
    "\n  query AcceptInvitationViewer {\n    viewer {\n      kind\n      user {\n        id\n        email\n      }\n    }\n  }\n": types.AcceptInvitationViewerDocument,
    "\n  query PasswordResetLink($token: String!) {\n    passwordResetLink(token: $token) {\n      state\n      email\n    }\n  }\n": types.PasswordResetLinkDocument,
    "\n  fragment ChannelSection_setting on ChannelSetting {\n    channel\n    provider\n    updatedAt\n    smtp {\n      host\n      port\n      security\n      username\n      hasPassword\n      fromName\n      fromAddress\n      replyTo\n    }\n    webhook {\n      url\n      statusCallbackUrl\n    }\n  }\n": types.ChannelSection_SettingFragmentDoc,
    "\n  mutation UseInboxChannel($channel: ContentChannel!) {\n    useInboxChannel(channel: $channel) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n": types.UseInboxChannelDocument,
    "\n  mutation SendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      outcome\n      reason\n      to\n      provider\n    }\n  }\n": types.SendTestMessageDocument,
    "\n  mutation SetSmtpChannel($input: SetSmtpChannelInput!) {\n    setSmtpChannel(input: $input) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n": types.SetSmtpChannelDocument,
    "\n  mutation SetWebhookChannel($input: SetWebhookChannelInput!) {\n    setWebhookChannel(input: $input) {\n      signingSecret\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n": types.SetWebhookChannelDocument,
    "\n  query ChannelSettings {\n    channelSettings {\n      channel\n      ...ChannelSection_setting\n    }\n  }\n": types.ChannelSettingsDocument,
    "\n  query PersonalisationTokens($triggerId: ID) {\n    personalisationTokens(triggerId: $triggerId) {\n      token\n      label\n      source\n    }\n  }\n": types.PersonalisationTokensDocument,
    "\n  mutation CreateContent($input: CreateContentInput!) {\n    createContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n": types.CreateContentDocument,
    "\n  mutation DuplicateContent($input: DuplicateContentInput!) {\n    duplicateContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n": types.DuplicateContentDocument,
    "\n  mutation MarkContentReady($input: MarkContentReadyInput!) {\n    markContentReady(input: $input) {\n      content {\n        id\n        state\n        revision\n      }\n    }\n  }\n": types.MarkContentReadyDocument,
    "\n  mutation UpdateContent($input: UpdateContentInput!) {\n    updateContent(input: $input) {\n      content {\n        id\n        state\n        revision\n        name\n        subject\n        senderName\n        htmlBody\n        textBody\n        body\n        title\n        link\n      }\n    }\n  }\n": types.UpdateContentDocument,
    "\n  query ContentItem($id: ID!) {\n    content(id: $id) {\n      id\n      channel\n      name\n      state\n      revision\n      subject\n      senderName\n      htmlBody\n      textBody\n      body\n      title\n      link\n      liveJourneys\n    }\n  }\n": types.ContentItemDocument,
    "\n  query PreviewContent($input: PreviewContentInput!) {\n    previewContent(input: $input) {\n      subject\n      html\n      text\n      body\n      title\n    }\n  }\n": types.PreviewContentDocument,
    "\n  query ContentReadiness($input: PreviewContentInput!) {\n    contentReadiness(input: $input) {\n      field\n      code\n      message\n    }\n  }\n": types.ContentReadinessDocument,
    "\n  query Contents($filter: ContentFilter, $after: String) {\n    contents(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        channel\n        state\n        updatedAt\n        liveJourneys\n      }\n    }\n  }\n": types.ContentsDocument,
    "\n  fragment ConsentHistory_change on ConsentChange {\n    id\n    changedAt\n    channel\n    purpose\n    status\n    source\n    contactPoint\n  }\n": types.ConsentHistory_ChangeFragmentDoc,
    "\n  fragment ConsentTable_customer on Customer {\n    id\n    email\n    phone\n    erasedAt\n    consents {\n      channel\n      purpose\n      status\n      allowsSending\n      changedAt\n      source\n      contactPoint\n    }\n  }\n": types.ConsentTable_CustomerFragmentDoc,
    "\n  fragment CustomerFormDialog_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    fields\n  }\n": types.CustomerFormDialog_CustomerFragmentDoc,
    "\n  query CustomerByAuthId($kind: CustomerIdentity!, $authId: String!) {\n    customerByAuthId(kind: $kind, authId: $authId) {\n      id\n    }\n  }\n": types.CustomerByAuthIdDocument,
    "\n  fragment CustomerIdentity_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    source\n    createdAt\n    updatedAt\n  }\n": types.CustomerIdentity_CustomerFragmentDoc,
    "\n  fragment CustomerJourneyRuns_run on JourneyRun {\n    id\n    journeyId\n    status\n    stepId\n    enteredAt\n    journey {\n      id\n      name\n      definition {\n        steps {\n          id\n          type\n          label\n        }\n      }\n    }\n  }\n": types.CustomerJourneyRuns_RunFragmentDoc,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n    phone\n    createdAt\n    erasedAt\n  }\n": types.CustomerRow_CustomerFragmentDoc,
    "\n  fragment CustomerTimeline_event on TriggerEventRecord {\n    id\n    accepted\n    occurredAt\n    triggerKey\n    version\n    test\n    trigger {\n      id\n      title\n    }\n    reasons {\n      code\n      field\n      message\n    }\n  }\n": types.CustomerTimeline_EventFragmentDoc,
    "\n  fragment DeviceList_customer on Customer {\n    id\n    devices {\n      app\n      platform\n      token\n      createdAt\n      lastSeenAt\n    }\n  }\n": types.DeviceList_CustomerFragmentDoc,
    "\n  fragment CustomerPicker_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n  }\n": types.CustomerPicker_CustomerFragmentDoc,
    "\n  query CustomerOptions($search: String) {\n    customers(first: 20, filter: { search: $search }) {\n      nodes {\n        ...CustomerPicker_customer\n      }\n    }\n  }\n": types.CustomerOptionsDocument,
    "\n  mutation EraseCustomer($input: EraseCustomerInput!) {\n    eraseCustomer(input: $input) {\n      id\n    }\n  }\n": types.EraseCustomerDocument,
    "\n  mutation ImportCustomers($input: ImportCustomersInput!) {\n    importCustomers(input: $input) {\n      accepted\n      created\n      updated\n      refused {\n        row\n        field\n        reason\n        message\n      }\n    }\n  }\n": types.ImportCustomersDocument,
    "\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      id\n      ...ConsentTable_customer\n    }\n  }\n": types.SetConsentDocument,
    "\n  mutation UpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      created\n      customer {\n        id\n        ...CustomerRow_customer\n        ...CustomerIdentity_customer\n        ...CustomerFormDialog_customer\n      }\n    }\n  }\n": types.UpsertCustomerDocument,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      kind\n      authId\n      firstName\n      lastName\n      email\n      erasedAt\n      fields\n      ...CustomerIdentity_customer\n      ...CustomerFormDialog_customer\n      ...ConsentTable_customer\n      ...DeviceList_customer\n    }\n    customerFields {\n      name\n      label\n      type\n    }\n  }\n": types.CustomerDocument,
    "\n  query CustomerConsentHistory($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      consentHistory(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ConsentHistory_change\n        }\n      }\n    }\n  }\n": types.CustomerConsentHistoryDocument,
    "\n  query CustomerTimeline($id: ID!, $accepted: Boolean, $after: String) {\n    customer(id: $id) {\n      id\n      timeline(first: 20, after: $after, accepted: $accepted) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerTimeline_event\n        }\n      }\n    }\n  }\n": types.CustomerTimelineDocument,
    "\n  query CustomerJourneyRuns($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      journeyRuns(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerJourneyRuns_run\n        }\n      }\n    }\n  }\n": types.CustomerJourneyRunsDocument,
    "\n  query Customers($filter: CustomerFilter, $after: String) {\n    customers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...CustomerRow_customer\n      }\n    }\n  }\n": types.CustomersDocument,
    "\n  query CustomerImportMapping($headers: [String!]!) {\n    customerImportMapping(headers: $headers) {\n      suggestions\n      targets {\n        key\n        label\n      }\n    }\n  }\n": types.CustomerImportMappingDocument,
    "\n  fragment InboxRow_message on InboxMessage {\n    id\n    channel\n    recipient\n    fromName\n    subject\n    title\n    body\n    textBody\n    test\n    receivedAt\n  }\n": types.InboxRow_MessageFragmentDoc,
    "\n  query InboxMessage($id: ID!) {\n    inboxMessage(id: $id) {\n      id\n      messageId\n      channel\n      recipient\n      fromName\n      subject\n      htmlBody\n      textBody\n      body\n      title\n      link\n      headers\n      test\n      receivedAt\n    }\n  }\n": types.InboxMessageDocument,
    "\n  query InboxMessages($channel: ContentChannel, $after: String) {\n    inboxMessages(first: 50, after: $after, channel: $channel) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...InboxRow_message\n      }\n    }\n  }\n": types.InboxMessagesDocument,
    "\n  fragment RunLog_entry on JourneyRunLogEntry {\n    id\n    stepId\n    kind\n    detail\n    at\n  }\n": types.RunLog_EntryFragmentDoc,
    "\n  fragment RunMessage_message on JourneyMessage {\n    id\n    stepId\n    channel\n    recipient\n    senderName\n    subject\n    htmlBody\n    textBody\n    body\n    title\n    link\n    status\n    reason\n    reasonDetail\n    interactions\n    createdAt\n    sentAt\n  }\n": types.RunMessage_MessageFragmentDoc,
    "\n  fragment RunRow_run on JourneyRun {\n    id\n    journeyId\n    customerId\n    status\n    stepId\n    binding\n    enteredAt\n    endedAt\n    customer {\n      id\n      authId\n      email\n    }\n  }\n": types.RunRow_RunFragmentDoc,
    "\n  fragment RunSummary_journey on Journey {\n    id\n    runCounts {\n      entered\n      active\n      waiting\n      completed\n      exited\n      stopped\n      failed\n      goalReached\n      refused {\n        reason\n        count\n      }\n    }\n  }\n": types.RunSummary_JourneyFragmentDoc,
    "\n  query TestRunSample($triggerId: ID!, $number: Int!, $pinned: Boolean!) {\n    trigger(id: $triggerId) {\n      id\n      currentVersion {\n        id\n        sampleAttributes\n      }\n      version(number: $number) @include(if: $pinned) {\n        id\n        sampleAttributes\n      }\n    }\n  }\n": types.TestRunSampleDocument,
    "\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n": types.CreateJourneyDocument,
    "\n  mutation DuplicateJourney($input: DuplicateJourneyInput!) {\n    duplicateJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n": types.DuplicateJourneyDocument,
    "\n  subscription JourneyRunUpdated($journeyId: ID!) {\n    journeyRunUpdated(journeyId: $journeyId) {\n      journey {\n        id\n        stepCounts {\n          stepId\n          entered\n          waiting\n          passedOn\n          exited\n        }\n        ...RunSummary_journey\n      }\n    }\n  }\n": types.JourneyRunUpdatedDocument,
    "\n  subscription JourneyCanvasMessages($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      journeyId\n      messages {\n        stepId\n        channel\n        delivered\n        opened\n        openRate\n      }\n    }\n  }\n": types.JourneyCanvasMessagesDocument,
    "\n  fragment BuilderTriggerFields on Trigger {\n    id\n    title\n    versions {\n      number\n      usableNow\n      attributes {\n        name\n        type\n        comparators\n      }\n    }\n  }\n": types.BuilderTriggerFieldsFragmentDoc,
    "\n  fragment BuilderContentFields on ContentItem {\n    id\n    name\n    channel\n    state\n  }\n": types.BuilderContentFieldsFragmentDoc,
    "\n  query TriggerOptions($filter: TriggerFilter) {\n    triggers(first: 20, filter: $filter) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n  }\n": types.TriggerOptionsDocument,
    "\n  query ChannelContentOptions($channel: ContentChannel!, $search: String) {\n    contents(first: 20, filter: { channel: $channel, search: $search }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n": types.ChannelContentOptionsDocument,
    "\n  mutation PublishJourney($input: JourneyIdInput!) {\n    publishJourney(input: $input) {\n      journey {\n        id\n        status\n        publishedAt\n      }\n    }\n  }\n": types.PublishJourneyDocument,
    "\n  mutation UpdateJourney($input: UpdateJourneyInput!) {\n    updateJourney(input: $input) {\n      journey {\n        id\n        revision\n        name\n      }\n    }\n  }\n": types.UpdateJourneyDocument,
    "\n  mutation SimulateJourney($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      startedAt\n      endStatus\n      endStepId\n      endedAt\n      goalReachedAt\n      path {\n        stepId\n        kind\n        at\n        detail\n      }\n      messages {\n        stepId\n        channel\n        contentId\n        subject\n        htmlBody\n        textBody\n        body\n        title\n        at\n      }\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n": types.SimulateJourneyDocument,
    "\n  mutation StopJourney($input: JourneyIdInput!) {\n    stopJourney(input: $input) {\n      journey {\n        id\n        status\n        stoppedAt\n      }\n    }\n  }\n": types.StopJourneyDocument,
    "\n  mutation ValidateJourney($input: JourneyIdInput!) {\n    validateJourney(input: $input) {\n      valid\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n": types.ValidateJourneyDocument,
    "\n  fragment JourneyAnalyticsView on JourneyAnalytics {\n    journeyId\n    totals {\n      entered\n      customers\n      active\n      completed\n      exited\n      exitedByReason {\n        reason\n        count\n      }\n      stopped\n      failed\n      refused\n      refusedByReason {\n        reason\n        count\n      }\n      goalReached\n      goalPercent\n      goalTarget\n    }\n    tiles {\n      stepId\n      inflow\n      processing\n      processed\n      exited\n    }\n    messages {\n      stepId\n      channel\n      sent\n      delivered\n      opened\n      openedHuman\n      clicked\n      bounced\n      blocked\n      failed\n      held\n      retrying\n      deliveryRate\n      openRate\n      clickRate\n    }\n    series {\n      at\n      entered\n      completed\n      exited\n      goalReached\n    }\n  }\n": types.JourneyAnalyticsViewFragmentDoc,
    "\n  query JourneyAnalytics($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalytics(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n": types.JourneyAnalyticsDocument,
    "\n  subscription JourneyAnalyticsUpdated($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n": types.JourneyAnalyticsUpdatedDocument,
    "\n  query JourneyStepCustomersCsv($journeyId: ID!, $stepId: String!) {\n    journeyStepCustomersCsv(journeyId: $journeyId, stepId: $stepId)\n  }\n": types.JourneyStepCustomersCsvDocument,
    "\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      revision\n      definition {\n        startTriggerId\n        startTriggerVersion\n        repeatPolicy\n        repeatAfterSeconds\n        startAt\n        endAt\n        goalTriggerId\n        goalPercent\n        exitTriggerIds\n        ignoreFrequencyCap\n        firstStepId\n        steps {\n          id\n          type\n          label\n          next\n          yes\n          no\n          contentId\n          sendTo\n          branchStepId\n          interactionTriggerKey\n          waitTriggerId\n          withinSeconds\n          attribute\n          comparator\n          values\n          waitSeconds\n          waitUntil\n        }\n      }\n      stepCounts {\n        stepId\n        entered\n        waiting\n        passedOn\n        exited\n      }\n      ...RunSummary_journey\n    }\n  }\n": types.JourneyBuilderDocument,
    "\n  query JourneyReferences($triggerIds: [ID!], $contentIds: [ID!]) {\n    triggers(first: 100, filter: { ids: $triggerIds, includeHidden: true }) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n    contents(first: 100, filter: { ids: $contentIds }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n": types.JourneyReferencesDocument,
    "\n  query JourneyRun($id: ID!) {\n    journeyRun(id: $id) {\n      id\n      journeyId\n      customerId\n      status\n      stepId\n      stepStartedAt\n      timerAt\n      waitKind\n      waitTriggerId\n      binding\n      enteredAt\n      endedAt\n      endReason\n      error\n      goalReachedAt\n      updatedAt\n      customer {\n        id\n        authId\n        email\n      }\n      journey {\n        id\n        name\n        definition {\n          exitTriggerIds\n          steps {\n            id\n            type\n            label\n            interactionTriggerKey\n            waitTriggerId\n          }\n        }\n      }\n      log {\n        id\n        ...RunLog_entry\n      }\n      messages {\n        id\n        stepId\n        ...RunMessage_message\n      }\n    }\n  }\n": types.JourneyRunDocument,
    "\n  query JourneyRunTriggers($ids: [ID!]) {\n    triggers(first: 100, filter: { ids: $ids, includeHidden: true }) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": types.JourneyRunTriggersDocument,
    "\n  query JourneyRuns($journeyId: ID!, $first: Int!, $after: String, $filter: JourneyRunFilter) {\n    journeyRuns(journeyId: $journeyId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow_run\n      }\n    }\n  }\n": types.JourneyRunsDocument,
    "\n  query Journeys($filter: JourneyFilter, $after: String) {\n    journeys(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        status\n        publishedAt\n        updatedAt\n        startTrigger {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.JourneysDocument,
    "\n  query LiveDashboard($after: String) {\n    triggers(first: 100, after: $after, filter: { kind: [CUSTOM] }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        key\n        title\n        status\n        readyAt\n      }\n    }\n  }\n": types.LiveDashboardDocument,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    label\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  fragment AuditRow_entry on AuditEntry {\n    id\n    createdAt\n    actorType\n    actorId\n    actorLabel\n    actorName\n    action\n    targetType\n    targetId\n    targetName\n    details\n  }\n": types.AuditRow_EntryFragmentDoc,
    "\n  query ChannelPolicies {\n    channelSettings {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n": types.ChannelPoliciesDocument,
    "\n  fragment MemberRow_membership on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n": types.MemberRow_MembershipFragmentDoc,
    "\n  query PendingInvitations {\n    pendingInvitations {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  query WorkspaceTimeZone {\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n": types.WorkspaceTimeZoneDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation CreatePasswordResetLink($input: CreatePasswordResetLinkInput!) {\n    createPasswordResetLink(input: $input) {\n      resetUrl\n      expiresAt\n    }\n  }\n": types.CreatePasswordResetLinkDocument,
    "\n  mutation DefineCustomerField($input: DefineCustomerFieldInput!) {\n    defineCustomerField(input: $input) {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n": types.DefineCustomerFieldDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($input: InvitationRefInput!) {\n    resendInvitation(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n        expiresAt\n      }\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation RevokeIngestionKey($input: RevokeIngestionKeyInput!) {\n    revokeIngestionKey(input: $input) {\n      ingestionKey {\n        id\n        state\n        revokedAt\n      }\n    }\n  }\n": types.RevokeIngestionKeyDocument,
    "\n  mutation RevokeInvitation($input: InvitationRefInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation RotateIngestionKey($input: RotateIngestionKeyInput!) {\n    rotateIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        prefix\n      }\n    }\n  }\n": types.RotateIngestionKeyDocument,
    "\n  mutation SetConsentPolicy($input: SetConsentPolicyInput!) {\n    setConsentPolicy(input: $input) {\n      channel\n      model\n    }\n  }\n": types.SetConsentPolicyDocument,
    "\n  mutation SetFrequencyCap($input: SetFrequencyCapInput!) {\n    setFrequencyCap(input: $input) {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n    }\n  }\n": types.SetFrequencyCapDocument,
    "\n  mutation SetQuietHours($input: SetQuietHoursInput!) {\n    setQuietHours(input: $input) {\n      channel\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n  }\n": types.SetQuietHoursDocument,
    "\n  mutation SetWorkspaceTimeZone($input: SetWorkspaceTimeZoneInput!) {\n    setWorkspaceTimeZone(input: $input) {\n      id\n      timeZone\n    }\n  }\n": types.SetWorkspaceTimeZoneDocument,
    "\n  query ApiKeys($includeRevoked: Boolean!, $after: String) {\n    apiKeys(first: 50, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  query AuditLog($filter: AuditFilter, $after: String) {\n    auditLog(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow_entry\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditLogFilters {\n    auditLogActions {\n      action\n      targetType\n    }\n    members(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.AuditLogFiltersDocument,
    "\n  query AuditLogCsv($filter: AuditFilter) {\n    auditLogCsv(filter: $filter)\n  }\n": types.AuditLogCsvDocument,
    "\n  subscription AuditEntryAppended {\n    auditEntryAppended {\n      id\n      ...AuditRow_entry\n    }\n  }\n": types.AuditEntryAppendedDocument,
    "\n  query ConsentPolicies {\n    consentPolicies {\n      channel\n      model\n    }\n  }\n": types.ConsentPoliciesDocument,
    "\n  query CustomerFieldsSettings {\n    customerFields {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n": types.CustomerFieldsSettingsDocument,
    "\n  query IngestionKeysSettings($includeRetired: Boolean!) {\n    ingestionKeys(includeRetired: $includeRetired) {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n      createdAt\n      expiresAt\n      lastUsedAt\n      acceptedCount\n      rejectedCount\n    }\n  }\n": types.IngestionKeysSettingsDocument,
    "\n  query Members($after: String) {\n    members(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...MemberRow_membership\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  fragment EventStream_event on TriggerEventRecord {\n    id\n    accepted\n    test\n    authId\n    receivedAt\n    version\n    reasons {\n      code\n      field\n      message\n    }\n    payload\n  }\n": types.EventStream_EventFragmentDoc,
    "\n  subscription EventStream($id: ID!) {\n    triggerEvents(triggerId: $id) {\n      ...EventStream_event\n    }\n  }\n": types.EventStreamDocument,
    "\n  query EventHistory($id: ID!, $accepted: Boolean, $first: Int!, $after: String) {\n    triggerEventLog(triggerId: $id, accepted: $accepted, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...EventStream_event\n      }\n    }\n  }\n": types.EventHistoryDocument,
    "\n  query RefusedRequests($first: Int!, $after: String) {\n    refusedRequests(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        endpoint\n        reason\n        message\n        origin\n        keyPrefix\n        triggerKey\n        triggerTitle\n        items\n      }\n    }\n  }\n": types.RefusedRequestsDocument,
    "\n  query IngestionKeys {\n    ingestionKeys {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n    }\n  }\n": types.IngestionKeysDocument,
    "\n  query TriggerSnippet($id: ID!, $language: SnippetLanguage!, $keyId: ID!, $secret: String) {\n    trigger(id: $id) {\n      id\n      snippet(language: $language, ingestionKeyId: $keyId, ingestionKeySecret: $secret) {\n        filename\n        code\n        instructions\n        securityAdvice\n        keyIncluded\n      }\n    }\n  }\n": types.TriggerSnippetDocument,
    "\n  fragment TriggerDetails_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    description\n    category\n    identity\n    source\n    status\n    hiddenAt\n    latestVersion\n    editLockedUntil\n    outOfBox\n    canStartJourneys\n    createdAt\n    updatedAt\n    currentVersion {\n      id\n      number\n      usableFrom\n      usableNow\n      attributes {\n        name\n        displayName\n        description\n        type\n        required\n        maxLength\n        entity\n        comparators\n      }\n      allowedOperations {\n        identifier\n        read\n        write\n      }\n    }\n  }\n": types.TriggerDetails_TriggerFragmentDoc,
    "\n  fragment TriggerRow_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    category\n    status\n    hiddenAt\n    latestVersion\n    updatedAt\n  }\n": types.TriggerRow_TriggerFragmentDoc,
    "\n  subscription WatchVerification($id: ID!) {\n    triggerVerification(triggerId: $id) {\n      status\n      readyAt\n      validCount\n      invalidCount\n      firstEventAt\n      lastEventAt\n      recentRejections {\n        at\n        reasons {\n          code\n          field\n          message\n        }\n      }\n    }\n  }\n": types.WatchVerificationDocument,
    "\n  mutation CreateIngestionKey($input: CreateIngestionKeyInput!) {\n    createIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        label\n        prefix\n        allowedOrigins\n        state\n      }\n    }\n  }\n": types.CreateIngestionKeyDocument,
    "\n  mutation CreateTrigger($input: CreateTriggerInput!) {\n    createTrigger(input: $input) {\n      trigger {\n        id\n        key\n      }\n    }\n  }\n": types.CreateTriggerDocument,
    "\n  mutation HideTrigger($input: HideTriggerInput!) {\n    hideTrigger(input: $input) {\n      trigger {\n        id\n        hiddenAt\n      }\n    }\n  }\n": types.HideTriggerDocument,
    "\n  subscription LiveReadiness {\n    triggerReadiness {\n      trigger {\n        id\n        status\n        readyAt\n      }\n    }\n  }\n": types.LiveReadinessDocument,
    "\n  mutation SendTestEvent($input: SendTestEventInput!) {\n    sendTestEvent(input: $input) {\n      accepted\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": types.SendTestEventDocument,
    "\n  query TriggerTitleAvailable($title: String!, $exceptTriggerId: ID) {\n    triggerTitleAvailable(title: $title, exceptTriggerId: $exceptTriggerId)\n  }\n": types.TriggerTitleAvailableDocument,
    "\n  query TriggerKeyAvailable($key: String!) {\n    triggerKeyAvailable(key: $key)\n  }\n": types.TriggerKeyAvailableDocument,
    "\n  mutation UpdateTrigger($input: UpdateTriggerInput!) {\n    updateTrigger(input: $input) {\n      trigger {\n        id\n        ...TriggerDetails_trigger\n      }\n      version {\n        id\n        number\n        breaking\n      }\n    }\n  }\n": types.UpdateTriggerDocument,
    "\n  query Trigger($id: ID!) {\n    trigger(id: $id) {\n      id\n      liveJourneys\n      ...TriggerDetails_trigger\n    }\n  }\n": types.TriggerDocument,
    "\n  query TriggerVersions($id: ID!) {\n    trigger(id: $id) {\n      id\n      key\n      versions {\n        id\n        number\n        title\n        createdAt\n        authorLabel\n        breaking\n        usableFrom\n        usableNow\n        jsonSchema\n        changes {\n          summary\n          breaking\n        }\n      }\n    }\n  }\n": types.TriggerVersionsDocument,
    "\n  query TriggerVersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    triggerVersionDiff(triggerId: $id, from: $from, to: $to) {\n      breaking\n      changes {\n        kind\n        summary\n        breaking\n      }\n    }\n  }\n": types.TriggerVersionDiffDocument,
    "\n  query Triggers($filter: TriggerFilter, $after: String) {\n    triggers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...TriggerRow_trigger\n      }\n    }\n  }\n": types.TriggersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      kind\n      role\n      permissions\n      user {\n        id\n        email\n        name\n      }\n      workspace {\n        id\n        name\n      }\n      memberships {\n        id\n        role\n        workspace {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      kind\n      role\n      permissions\n      user {\n        id\n        email\n        name\n      }\n      workspace {\n        id\n        name\n      }\n      memberships {\n        id\n        role\n        workspace {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      signedOutSessions\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      signedOutSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      workspace {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinWorkspace($input: JoinWorkspaceInput!) {\n    joinWorkspace(input: $input) {\n      membership {\n        id\n        workspace {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinWorkspace($input: JoinWorkspaceInput!) {\n    joinWorkspace(input: $input) {\n      membership {\n        id\n        workspace {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      workspace {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationLink($token: String!) {\n    invitationLink(token: $token) {\n      state\n      email\n      role\n      workspaceName\n    }\n  }\n"): (typeof documents)["\n  query InvitationLink($token: String!) {\n    invitationLink(token: $token) {\n      state\n      email\n      role\n      workspaceName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AcceptInvitationViewer {\n    viewer {\n      kind\n      user {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query AcceptInvitationViewer {\n    viewer {\n      kind\n      user {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordResetLink($token: String!) {\n    passwordResetLink(token: $token) {\n      state\n      email\n    }\n  }\n"): (typeof documents)["\n  query PasswordResetLink($token: String!) {\n    passwordResetLink(token: $token) {\n      state\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChannelSection_setting on ChannelSetting {\n    channel\n    provider\n    updatedAt\n    smtp {\n      host\n      port\n      security\n      username\n      hasPassword\n      fromName\n      fromAddress\n      replyTo\n    }\n    webhook {\n      url\n      statusCallbackUrl\n    }\n  }\n"): (typeof documents)["\n  fragment ChannelSection_setting on ChannelSetting {\n    channel\n    provider\n    updatedAt\n    smtp {\n      host\n      port\n      security\n      username\n      hasPassword\n      fromName\n      fromAddress\n      replyTo\n    }\n    webhook {\n      url\n      statusCallbackUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UseInboxChannel($channel: ContentChannel!) {\n    useInboxChannel(channel: $channel) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UseInboxChannel($channel: ContentChannel!) {\n    useInboxChannel(channel: $channel) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      outcome\n      reason\n      to\n      provider\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestMessage($input: SendTestMessageInput!) {\n    sendTestMessage(input: $input) {\n      outcome\n      reason\n      to\n      provider\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSmtpChannel($input: SetSmtpChannelInput!) {\n    setSmtpChannel(input: $input) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetSmtpChannel($input: SetSmtpChannelInput!) {\n    setSmtpChannel(input: $input) {\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookChannel($input: SetWebhookChannelInput!) {\n    setWebhookChannel(input: $input) {\n      signingSecret\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhookChannel($input: SetWebhookChannelInput!) {\n    setWebhookChannel(input: $input) {\n      signingSecret\n      channel {\n        ...ChannelSection_setting\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelSettings {\n    channelSettings {\n      channel\n      ...ChannelSection_setting\n    }\n  }\n"): (typeof documents)["\n  query ChannelSettings {\n    channelSettings {\n      channel\n      ...ChannelSection_setting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonalisationTokens($triggerId: ID) {\n    personalisationTokens(triggerId: $triggerId) {\n      token\n      label\n      source\n    }\n  }\n"): (typeof documents)["\n  query PersonalisationTokens($triggerId: ID) {\n    personalisationTokens(triggerId: $triggerId) {\n      token\n      label\n      source\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContent($input: CreateContentInput!) {\n    createContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContent($input: CreateContentInput!) {\n    createContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateContent($input: DuplicateContentInput!) {\n    duplicateContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DuplicateContent($input: DuplicateContentInput!) {\n    duplicateContent(input: $input) {\n      content {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkContentReady($input: MarkContentReadyInput!) {\n    markContentReady(input: $input) {\n      content {\n        id\n        state\n        revision\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkContentReady($input: MarkContentReadyInput!) {\n    markContentReady(input: $input) {\n      content {\n        id\n        state\n        revision\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContent($input: UpdateContentInput!) {\n    updateContent(input: $input) {\n      content {\n        id\n        state\n        revision\n        name\n        subject\n        senderName\n        htmlBody\n        textBody\n        body\n        title\n        link\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContent($input: UpdateContentInput!) {\n    updateContent(input: $input) {\n      content {\n        id\n        state\n        revision\n        name\n        subject\n        senderName\n        htmlBody\n        textBody\n        body\n        title\n        link\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContentItem($id: ID!) {\n    content(id: $id) {\n      id\n      channel\n      name\n      state\n      revision\n      subject\n      senderName\n      htmlBody\n      textBody\n      body\n      title\n      link\n      liveJourneys\n    }\n  }\n"): (typeof documents)["\n  query ContentItem($id: ID!) {\n    content(id: $id) {\n      id\n      channel\n      name\n      state\n      revision\n      subject\n      senderName\n      htmlBody\n      textBody\n      body\n      title\n      link\n      liveJourneys\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewContent($input: PreviewContentInput!) {\n    previewContent(input: $input) {\n      subject\n      html\n      text\n      body\n      title\n    }\n  }\n"): (typeof documents)["\n  query PreviewContent($input: PreviewContentInput!) {\n    previewContent(input: $input) {\n      subject\n      html\n      text\n      body\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContentReadiness($input: PreviewContentInput!) {\n    contentReadiness(input: $input) {\n      field\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  query ContentReadiness($input: PreviewContentInput!) {\n    contentReadiness(input: $input) {\n      field\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contents($filter: ContentFilter, $after: String) {\n    contents(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        channel\n        state\n        updatedAt\n        liveJourneys\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contents($filter: ContentFilter, $after: String) {\n    contents(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        channel\n        state\n        updatedAt\n        liveJourneys\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentHistory_change on ConsentChange {\n    id\n    changedAt\n    channel\n    purpose\n    status\n    source\n    contactPoint\n  }\n"): (typeof documents)["\n  fragment ConsentHistory_change on ConsentChange {\n    id\n    changedAt\n    channel\n    purpose\n    status\n    source\n    contactPoint\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentTable_customer on Customer {\n    id\n    email\n    phone\n    erasedAt\n    consents {\n      channel\n      purpose\n      status\n      allowsSending\n      changedAt\n      source\n      contactPoint\n    }\n  }\n"): (typeof documents)["\n  fragment ConsentTable_customer on Customer {\n    id\n    email\n    phone\n    erasedAt\n    consents {\n      channel\n      purpose\n      status\n      allowsSending\n      changedAt\n      source\n      contactPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerFormDialog_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    fields\n  }\n"): (typeof documents)["\n  fragment CustomerFormDialog_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    fields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerByAuthId($kind: CustomerIdentity!, $authId: String!) {\n    customerByAuthId(kind: $kind, authId: $authId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query CustomerByAuthId($kind: CustomerIdentity!, $authId: String!) {\n    customerByAuthId(kind: $kind, authId: $authId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerIdentity_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    source\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment CustomerIdentity_customer on Customer {\n    id\n    kind\n    authId\n    email\n    phone\n    firstName\n    lastName\n    locale\n    timeZone\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    region\n    country\n    source\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerJourneyRuns_run on JourneyRun {\n    id\n    journeyId\n    status\n    stepId\n    enteredAt\n    journey {\n      id\n      name\n      definition {\n        steps {\n          id\n          type\n          label\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerJourneyRuns_run on JourneyRun {\n    id\n    journeyId\n    status\n    stepId\n    enteredAt\n    journey {\n      id\n      name\n      definition {\n        steps {\n          id\n          type\n          label\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerRow_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n    phone\n    createdAt\n    erasedAt\n  }\n"): (typeof documents)["\n  fragment CustomerRow_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n    phone\n    createdAt\n    erasedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerTimeline_event on TriggerEventRecord {\n    id\n    accepted\n    occurredAt\n    triggerKey\n    version\n    test\n    trigger {\n      id\n      title\n    }\n    reasons {\n      code\n      field\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerTimeline_event on TriggerEventRecord {\n    id\n    accepted\n    occurredAt\n    triggerKey\n    version\n    test\n    trigger {\n      id\n      title\n    }\n    reasons {\n      code\n      field\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeviceList_customer on Customer {\n    id\n    devices {\n      app\n      platform\n      token\n      createdAt\n      lastSeenAt\n    }\n  }\n"): (typeof documents)["\n  fragment DeviceList_customer on Customer {\n    id\n    devices {\n      app\n      platform\n      token\n      createdAt\n      lastSeenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerPicker_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n  }\n"): (typeof documents)["\n  fragment CustomerPicker_customer on Customer {\n    id\n    kind\n    authId\n    firstName\n    lastName\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerOptions($search: String) {\n    customers(first: 20, filter: { search: $search }) {\n      nodes {\n        ...CustomerPicker_customer\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerOptions($search: String) {\n    customers(first: 20, filter: { search: $search }) {\n      nodes {\n        ...CustomerPicker_customer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseCustomer($input: EraseCustomerInput!) {\n    eraseCustomer(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EraseCustomer($input: EraseCustomerInput!) {\n    eraseCustomer(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCustomers($input: ImportCustomersInput!) {\n    importCustomers(input: $input) {\n      accepted\n      created\n      updated\n      refused {\n        row\n        field\n        reason\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportCustomers($input: ImportCustomersInput!) {\n    importCustomers(input: $input) {\n      accepted\n      created\n      updated\n      refused {\n        row\n        field\n        reason\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      id\n      ...ConsentTable_customer\n    }\n  }\n"): (typeof documents)["\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      id\n      ...ConsentTable_customer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      created\n      customer {\n        id\n        ...CustomerRow_customer\n        ...CustomerIdentity_customer\n        ...CustomerFormDialog_customer\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpsertCustomer($input: UpsertCustomerInput!) {\n    upsertCustomer(input: $input) {\n      created\n      customer {\n        id\n        ...CustomerRow_customer\n        ...CustomerIdentity_customer\n        ...CustomerFormDialog_customer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      kind\n      authId\n      firstName\n      lastName\n      email\n      erasedAt\n      fields\n      ...CustomerIdentity_customer\n      ...CustomerFormDialog_customer\n      ...ConsentTable_customer\n      ...DeviceList_customer\n    }\n    customerFields {\n      name\n      label\n      type\n    }\n  }\n"): (typeof documents)["\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      kind\n      authId\n      firstName\n      lastName\n      email\n      erasedAt\n      fields\n      ...CustomerIdentity_customer\n      ...CustomerFormDialog_customer\n      ...ConsentTable_customer\n      ...DeviceList_customer\n    }\n    customerFields {\n      name\n      label\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerConsentHistory($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      consentHistory(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ConsentHistory_change\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerConsentHistory($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      consentHistory(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ConsentHistory_change\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerTimeline($id: ID!, $accepted: Boolean, $after: String) {\n    customer(id: $id) {\n      id\n      timeline(first: 20, after: $after, accepted: $accepted) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerTimeline_event\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerTimeline($id: ID!, $accepted: Boolean, $after: String) {\n    customer(id: $id) {\n      id\n      timeline(first: 20, after: $after, accepted: $accepted) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerTimeline_event\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerJourneyRuns($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      journeyRuns(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerJourneyRuns_run\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerJourneyRuns($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      journeyRuns(first: 20, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...CustomerJourneyRuns_run\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($filter: CustomerFilter, $after: String) {\n    customers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...CustomerRow_customer\n      }\n    }\n  }\n"): (typeof documents)["\n  query Customers($filter: CustomerFilter, $after: String) {\n    customers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...CustomerRow_customer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerImportMapping($headers: [String!]!) {\n    customerImportMapping(headers: $headers) {\n      suggestions\n      targets {\n        key\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerImportMapping($headers: [String!]!) {\n    customerImportMapping(headers: $headers) {\n      suggestions\n      targets {\n        key\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxRow_message on InboxMessage {\n    id\n    channel\n    recipient\n    fromName\n    subject\n    title\n    body\n    textBody\n    test\n    receivedAt\n  }\n"): (typeof documents)["\n  fragment InboxRow_message on InboxMessage {\n    id\n    channel\n    recipient\n    fromName\n    subject\n    title\n    body\n    textBody\n    test\n    receivedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxMessage($id: ID!) {\n    inboxMessage(id: $id) {\n      id\n      messageId\n      channel\n      recipient\n      fromName\n      subject\n      htmlBody\n      textBody\n      body\n      title\n      link\n      headers\n      test\n      receivedAt\n    }\n  }\n"): (typeof documents)["\n  query InboxMessage($id: ID!) {\n    inboxMessage(id: $id) {\n      id\n      messageId\n      channel\n      recipient\n      fromName\n      subject\n      htmlBody\n      textBody\n      body\n      title\n      link\n      headers\n      test\n      receivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxMessages($channel: ContentChannel, $after: String) {\n    inboxMessages(first: 50, after: $after, channel: $channel) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...InboxRow_message\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboxMessages($channel: ContentChannel, $after: String) {\n    inboxMessages(first: 50, after: $after, channel: $channel) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...InboxRow_message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunLog_entry on JourneyRunLogEntry {\n    id\n    stepId\n    kind\n    detail\n    at\n  }\n"): (typeof documents)["\n  fragment RunLog_entry on JourneyRunLogEntry {\n    id\n    stepId\n    kind\n    detail\n    at\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunMessage_message on JourneyMessage {\n    id\n    stepId\n    channel\n    recipient\n    senderName\n    subject\n    htmlBody\n    textBody\n    body\n    title\n    link\n    status\n    reason\n    reasonDetail\n    interactions\n    createdAt\n    sentAt\n  }\n"): (typeof documents)["\n  fragment RunMessage_message on JourneyMessage {\n    id\n    stepId\n    channel\n    recipient\n    senderName\n    subject\n    htmlBody\n    textBody\n    body\n    title\n    link\n    status\n    reason\n    reasonDetail\n    interactions\n    createdAt\n    sentAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRow_run on JourneyRun {\n    id\n    journeyId\n    customerId\n    status\n    stepId\n    binding\n    enteredAt\n    endedAt\n    customer {\n      id\n      authId\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment RunRow_run on JourneyRun {\n    id\n    journeyId\n    customerId\n    status\n    stepId\n    binding\n    enteredAt\n    endedAt\n    customer {\n      id\n      authId\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunSummary_journey on Journey {\n    id\n    runCounts {\n      entered\n      active\n      waiting\n      completed\n      exited\n      stopped\n      failed\n      goalReached\n      refused {\n        reason\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RunSummary_journey on Journey {\n    id\n    runCounts {\n      entered\n      active\n      waiting\n      completed\n      exited\n      stopped\n      failed\n      goalReached\n      refused {\n        reason\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestRunSample($triggerId: ID!, $number: Int!, $pinned: Boolean!) {\n    trigger(id: $triggerId) {\n      id\n      currentVersion {\n        id\n        sampleAttributes\n      }\n      version(number: $number) @include(if: $pinned) {\n        id\n        sampleAttributes\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestRunSample($triggerId: ID!, $number: Int!, $pinned: Boolean!) {\n    trigger(id: $triggerId) {\n      id\n      currentVersion {\n        id\n        sampleAttributes\n      }\n      version(number: $number) @include(if: $pinned) {\n        id\n        sampleAttributes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateJourney($input: CreateJourneyInput!) {\n    createJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateJourney($input: DuplicateJourneyInput!) {\n    duplicateJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DuplicateJourney($input: DuplicateJourneyInput!) {\n    duplicateJourney(input: $input) {\n      journey {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JourneyRunUpdated($journeyId: ID!) {\n    journeyRunUpdated(journeyId: $journeyId) {\n      journey {\n        id\n        stepCounts {\n          stepId\n          entered\n          waiting\n          passedOn\n          exited\n        }\n        ...RunSummary_journey\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription JourneyRunUpdated($journeyId: ID!) {\n    journeyRunUpdated(journeyId: $journeyId) {\n      journey {\n        id\n        stepCounts {\n          stepId\n          entered\n          waiting\n          passedOn\n          exited\n        }\n        ...RunSummary_journey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JourneyCanvasMessages($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      journeyId\n      messages {\n        stepId\n        channel\n        delivered\n        opened\n        openRate\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription JourneyCanvasMessages($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      journeyId\n      messages {\n        stepId\n        channel\n        delivered\n        opened\n        openRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BuilderTriggerFields on Trigger {\n    id\n    title\n    versions {\n      number\n      usableNow\n      attributes {\n        name\n        type\n        comparators\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BuilderTriggerFields on Trigger {\n    id\n    title\n    versions {\n      number\n      usableNow\n      attributes {\n        name\n        type\n        comparators\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BuilderContentFields on ContentItem {\n    id\n    name\n    channel\n    state\n  }\n"): (typeof documents)["\n  fragment BuilderContentFields on ContentItem {\n    id\n    name\n    channel\n    state\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriggerOptions($filter: TriggerFilter) {\n    triggers(first: 20, filter: $filter) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query TriggerOptions($filter: TriggerFilter) {\n    triggers(first: 20, filter: $filter) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelContentOptions($channel: ContentChannel!, $search: String) {\n    contents(first: 20, filter: { channel: $channel, search: $search }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChannelContentOptions($channel: ContentChannel!, $search: String) {\n    contents(first: 20, filter: { channel: $channel, search: $search }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishJourney($input: JourneyIdInput!) {\n    publishJourney(input: $input) {\n      journey {\n        id\n        status\n        publishedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishJourney($input: JourneyIdInput!) {\n    publishJourney(input: $input) {\n      journey {\n        id\n        status\n        publishedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateJourney($input: UpdateJourneyInput!) {\n    updateJourney(input: $input) {\n      journey {\n        id\n        revision\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateJourney($input: UpdateJourneyInput!) {\n    updateJourney(input: $input) {\n      journey {\n        id\n        revision\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SimulateJourney($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      startedAt\n      endStatus\n      endStepId\n      endedAt\n      goalReachedAt\n      path {\n        stepId\n        kind\n        at\n        detail\n      }\n      messages {\n        stepId\n        channel\n        contentId\n        subject\n        htmlBody\n        textBody\n        body\n        title\n        at\n      }\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SimulateJourney($input: SimulateJourneyInput!) {\n    simulateJourney(input: $input) {\n      startedAt\n      endStatus\n      endStepId\n      endedAt\n      goalReachedAt\n      path {\n        stepId\n        kind\n        at\n        detail\n      }\n      messages {\n        stepId\n        channel\n        contentId\n        subject\n        htmlBody\n        textBody\n        body\n        title\n        at\n      }\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopJourney($input: JourneyIdInput!) {\n    stopJourney(input: $input) {\n      journey {\n        id\n        status\n        stoppedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StopJourney($input: JourneyIdInput!) {\n    stopJourney(input: $input) {\n      journey {\n        id\n        status\n        stoppedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ValidateJourney($input: JourneyIdInput!) {\n    validateJourney(input: $input) {\n      valid\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ValidateJourney($input: JourneyIdInput!) {\n    validateJourney(input: $input) {\n      valid\n      problems {\n        code\n        message\n        stepId\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JourneyAnalyticsView on JourneyAnalytics {\n    journeyId\n    totals {\n      entered\n      customers\n      active\n      completed\n      exited\n      exitedByReason {\n        reason\n        count\n      }\n      stopped\n      failed\n      refused\n      refusedByReason {\n        reason\n        count\n      }\n      goalReached\n      goalPercent\n      goalTarget\n    }\n    tiles {\n      stepId\n      inflow\n      processing\n      processed\n      exited\n    }\n    messages {\n      stepId\n      channel\n      sent\n      delivered\n      opened\n      openedHuman\n      clicked\n      bounced\n      blocked\n      failed\n      held\n      retrying\n      deliveryRate\n      openRate\n      clickRate\n    }\n    series {\n      at\n      entered\n      completed\n      exited\n      goalReached\n    }\n  }\n"): (typeof documents)["\n  fragment JourneyAnalyticsView on JourneyAnalytics {\n    journeyId\n    totals {\n      entered\n      customers\n      active\n      completed\n      exited\n      exitedByReason {\n        reason\n        count\n      }\n      stopped\n      failed\n      refused\n      refusedByReason {\n        reason\n        count\n      }\n      goalReached\n      goalPercent\n      goalTarget\n    }\n    tiles {\n      stepId\n      inflow\n      processing\n      processed\n      exited\n    }\n    messages {\n      stepId\n      channel\n      sent\n      delivered\n      opened\n      openedHuman\n      clicked\n      bounced\n      blocked\n      failed\n      held\n      retrying\n      deliveryRate\n      openRate\n      clickRate\n    }\n    series {\n      at\n      entered\n      completed\n      exited\n      goalReached\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyAnalytics($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalytics(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n"): (typeof documents)["\n  query JourneyAnalytics($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalytics(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JourneyAnalyticsUpdated($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n"): (typeof documents)["\n  subscription JourneyAnalyticsUpdated($journeyId: ID!, $range: AnalyticsRangeInput!) {\n    journeyAnalyticsUpdated(journeyId: $journeyId, range: $range) {\n      ...JourneyAnalyticsView\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyStepCustomersCsv($journeyId: ID!, $stepId: String!) {\n    journeyStepCustomersCsv(journeyId: $journeyId, stepId: $stepId)\n  }\n"): (typeof documents)["\n  query JourneyStepCustomersCsv($journeyId: ID!, $stepId: String!) {\n    journeyStepCustomersCsv(journeyId: $journeyId, stepId: $stepId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      revision\n      definition {\n        startTriggerId\n        startTriggerVersion\n        repeatPolicy\n        repeatAfterSeconds\n        startAt\n        endAt\n        goalTriggerId\n        goalPercent\n        exitTriggerIds\n        ignoreFrequencyCap\n        firstStepId\n        steps {\n          id\n          type\n          label\n          next\n          yes\n          no\n          contentId\n          sendTo\n          branchStepId\n          interactionTriggerKey\n          waitTriggerId\n          withinSeconds\n          attribute\n          comparator\n          values\n          waitSeconds\n          waitUntil\n        }\n      }\n      stepCounts {\n        stepId\n        entered\n        waiting\n        passedOn\n        exited\n      }\n      ...RunSummary_journey\n    }\n  }\n"): (typeof documents)["\n  query JourneyBuilder($id: ID!) {\n    journey(id: $id) {\n      id\n      name\n      status\n      revision\n      definition {\n        startTriggerId\n        startTriggerVersion\n        repeatPolicy\n        repeatAfterSeconds\n        startAt\n        endAt\n        goalTriggerId\n        goalPercent\n        exitTriggerIds\n        ignoreFrequencyCap\n        firstStepId\n        steps {\n          id\n          type\n          label\n          next\n          yes\n          no\n          contentId\n          sendTo\n          branchStepId\n          interactionTriggerKey\n          waitTriggerId\n          withinSeconds\n          attribute\n          comparator\n          values\n          waitSeconds\n          waitUntil\n        }\n      }\n      stepCounts {\n        stepId\n        entered\n        waiting\n        passedOn\n        exited\n      }\n      ...RunSummary_journey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyReferences($triggerIds: [ID!], $contentIds: [ID!]) {\n    triggers(first: 100, filter: { ids: $triggerIds, includeHidden: true }) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n    contents(first: 100, filter: { ids: $contentIds }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyReferences($triggerIds: [ID!], $contentIds: [ID!]) {\n    triggers(first: 100, filter: { ids: $triggerIds, includeHidden: true }) {\n      nodes {\n        ...BuilderTriggerFields\n      }\n    }\n    contents(first: 100, filter: { ids: $contentIds }) {\n      nodes {\n        ...BuilderContentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyRun($id: ID!) {\n    journeyRun(id: $id) {\n      id\n      journeyId\n      customerId\n      status\n      stepId\n      stepStartedAt\n      timerAt\n      waitKind\n      waitTriggerId\n      binding\n      enteredAt\n      endedAt\n      endReason\n      error\n      goalReachedAt\n      updatedAt\n      customer {\n        id\n        authId\n        email\n      }\n      journey {\n        id\n        name\n        definition {\n          exitTriggerIds\n          steps {\n            id\n            type\n            label\n            interactionTriggerKey\n            waitTriggerId\n          }\n        }\n      }\n      log {\n        id\n        ...RunLog_entry\n      }\n      messages {\n        id\n        stepId\n        ...RunMessage_message\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyRun($id: ID!) {\n    journeyRun(id: $id) {\n      id\n      journeyId\n      customerId\n      status\n      stepId\n      stepStartedAt\n      timerAt\n      waitKind\n      waitTriggerId\n      binding\n      enteredAt\n      endedAt\n      endReason\n      error\n      goalReachedAt\n      updatedAt\n      customer {\n        id\n        authId\n        email\n      }\n      journey {\n        id\n        name\n        definition {\n          exitTriggerIds\n          steps {\n            id\n            type\n            label\n            interactionTriggerKey\n            waitTriggerId\n          }\n        }\n      }\n      log {\n        id\n        ...RunLog_entry\n      }\n      messages {\n        id\n        stepId\n        ...RunMessage_message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyRunTriggers($ids: [ID!]) {\n    triggers(first: 100, filter: { ids: $ids, includeHidden: true }) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyRunTriggers($ids: [ID!]) {\n    triggers(first: 100, filter: { ids: $ids, includeHidden: true }) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JourneyRuns($journeyId: ID!, $first: Int!, $after: String, $filter: JourneyRunFilter) {\n    journeyRuns(journeyId: $journeyId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow_run\n      }\n    }\n  }\n"): (typeof documents)["\n  query JourneyRuns($journeyId: ID!, $first: Int!, $after: String, $filter: JourneyRunFilter) {\n    journeyRuns(journeyId: $journeyId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...RunRow_run\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Journeys($filter: JourneyFilter, $after: String) {\n    journeys(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        status\n        publishedAt\n        updatedAt\n        startTrigger {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Journeys($filter: JourneyFilter, $after: String) {\n    journeys(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        status\n        publishedAt\n        updatedAt\n        startTrigger {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveDashboard($after: String) {\n    triggers(first: 100, after: $after, filter: { kind: [CUSTOM] }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        key\n        title\n        status\n        readyAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query LiveDashboard($after: String) {\n    triggers(first: 100, after: $after, filter: { kind: [CUSTOM] }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        key\n        title\n        status\n        readyAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    label\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    label\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditRow_entry on AuditEntry {\n    id\n    createdAt\n    actorType\n    actorId\n    actorLabel\n    actorName\n    action\n    targetType\n    targetId\n    targetName\n    details\n  }\n"): (typeof documents)["\n  fragment AuditRow_entry on AuditEntry {\n    id\n    createdAt\n    actorType\n    actorId\n    actorLabel\n    actorName\n    action\n    targetType\n    targetId\n    targetName\n    details\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelPolicies {\n    channelSettings {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChannelPolicies {\n    channelSettings {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRow_membership on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment MemberRow_membership on Membership {\n    id\n    role\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations {\n    pendingInvitations {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query PendingInvitations {\n    pendingInvitations {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceTimeZone {\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceTimeZone {\n    viewer {\n      workspace {\n        id\n        timeZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePasswordResetLink($input: CreatePasswordResetLinkInput!) {\n    createPasswordResetLink(input: $input) {\n      resetUrl\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePasswordResetLink($input: CreatePasswordResetLinkInput!) {\n    createPasswordResetLink(input: $input) {\n      resetUrl\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefineCustomerField($input: DefineCustomerFieldInput!) {\n    defineCustomerField(input: $input) {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation DefineCustomerField($input: DefineCustomerFieldInput!) {\n    defineCustomerField(input: $input) {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($input: InvitationRefInput!) {\n    resendInvitation(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($input: InvitationRefInput!) {\n    resendInvitation(input: $input) {\n      inviteUrl\n      emailSent\n      invitation {\n        id\n        email\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeIngestionKey($input: RevokeIngestionKeyInput!) {\n    revokeIngestionKey(input: $input) {\n      ingestionKey {\n        id\n        state\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeIngestionKey($input: RevokeIngestionKeyInput!) {\n    revokeIngestionKey(input: $input) {\n      ingestionKey {\n        id\n        state\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: InvitationRefInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($input: InvitationRefInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateIngestionKey($input: RotateIngestionKeyInput!) {\n    rotateIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        prefix\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateIngestionKey($input: RotateIngestionKeyInput!) {\n    rotateIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        prefix\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConsentPolicy($input: SetConsentPolicyInput!) {\n    setConsentPolicy(input: $input) {\n      channel\n      model\n    }\n  }\n"): (typeof documents)["\n  mutation SetConsentPolicy($input: SetConsentPolicyInput!) {\n    setConsentPolicy(input: $input) {\n      channel\n      model\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFrequencyCap($input: SetFrequencyCapInput!) {\n    setFrequencyCap(input: $input) {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetFrequencyCap($input: SetFrequencyCapInput!) {\n    setFrequencyCap(input: $input) {\n      channel\n      frequencyCap {\n        per24h\n        per7d\n        per30d\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetQuietHours($input: SetQuietHoursInput!) {\n    setQuietHours(input: $input) {\n      channel\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetQuietHours($input: SetQuietHoursInput!) {\n    setQuietHours(input: $input) {\n      channel\n      quietHours {\n        start\n        end\n        days\n        timeZoneMode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkspaceTimeZone($input: SetWorkspaceTimeZoneInput!) {\n    setWorkspaceTimeZone(input: $input) {\n      id\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation SetWorkspaceTimeZone($input: SetWorkspaceTimeZoneInput!) {\n    setWorkspaceTimeZone(input: $input) {\n      id\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($includeRevoked: Boolean!, $after: String) {\n    apiKeys(first: 50, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($includeRevoked: Boolean!, $after: String) {\n    apiKeys(first: 50, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ApiKeyRow_apiKey\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $after: String) {\n    auditLog(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow_entry\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter, $after: String) {\n    auditLog(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow_entry\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogFilters {\n    auditLogActions {\n      action\n      targetType\n    }\n    members(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogFilters {\n    auditLogActions {\n      action\n      targetType\n    }\n    members(first: 100) {\n      nodes {\n        id\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogCsv($filter: AuditFilter) {\n    auditLogCsv(filter: $filter)\n  }\n"): (typeof documents)["\n  query AuditLogCsv($filter: AuditFilter) {\n    auditLogCsv(filter: $filter)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuditEntryAppended {\n    auditEntryAppended {\n      id\n      ...AuditRow_entry\n    }\n  }\n"): (typeof documents)["\n  subscription AuditEntryAppended {\n    auditEntryAppended {\n      id\n      ...AuditRow_entry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentPolicies {\n    consentPolicies {\n      channel\n      model\n    }\n  }\n"): (typeof documents)["\n  query ConsentPolicies {\n    consentPolicies {\n      channel\n      model\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerFieldsSettings {\n    customerFields {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query CustomerFieldsSettings {\n    customerFields {\n      name\n      label\n      type\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestionKeysSettings($includeRetired: Boolean!) {\n    ingestionKeys(includeRetired: $includeRetired) {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n      createdAt\n      expiresAt\n      lastUsedAt\n      acceptedCount\n      rejectedCount\n    }\n  }\n"): (typeof documents)["\n  query IngestionKeysSettings($includeRetired: Boolean!) {\n    ingestionKeys(includeRetired: $includeRetired) {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n      createdAt\n      expiresAt\n      lastUsedAt\n      acceptedCount\n      rejectedCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($after: String) {\n    members(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...MemberRow_membership\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($after: String) {\n    members(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...MemberRow_membership\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventStream_event on TriggerEventRecord {\n    id\n    accepted\n    test\n    authId\n    receivedAt\n    version\n    reasons {\n      code\n      field\n      message\n    }\n    payload\n  }\n"): (typeof documents)["\n  fragment EventStream_event on TriggerEventRecord {\n    id\n    accepted\n    test\n    authId\n    receivedAt\n    version\n    reasons {\n      code\n      field\n      message\n    }\n    payload\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventStream($id: ID!) {\n    triggerEvents(triggerId: $id) {\n      ...EventStream_event\n    }\n  }\n"): (typeof documents)["\n  subscription EventStream($id: ID!) {\n    triggerEvents(triggerId: $id) {\n      ...EventStream_event\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventHistory($id: ID!, $accepted: Boolean, $first: Int!, $after: String) {\n    triggerEventLog(triggerId: $id, accepted: $accepted, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...EventStream_event\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventHistory($id: ID!, $accepted: Boolean, $first: Int!, $after: String) {\n    triggerEventLog(triggerId: $id, accepted: $accepted, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...EventStream_event\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefusedRequests($first: Int!, $after: String) {\n    refusedRequests(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        endpoint\n        reason\n        message\n        origin\n        keyPrefix\n        triggerKey\n        triggerTitle\n        items\n      }\n    }\n  }\n"): (typeof documents)["\n  query RefusedRequests($first: Int!, $after: String) {\n    refusedRequests(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        endpoint\n        reason\n        message\n        origin\n        keyPrefix\n        triggerKey\n        triggerTitle\n        items\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestionKeys {\n    ingestionKeys {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n    }\n  }\n"): (typeof documents)["\n  query IngestionKeys {\n    ingestionKeys {\n      id\n      label\n      prefix\n      state\n      allowedOrigins\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriggerSnippet($id: ID!, $language: SnippetLanguage!, $keyId: ID!, $secret: String) {\n    trigger(id: $id) {\n      id\n      snippet(language: $language, ingestionKeyId: $keyId, ingestionKeySecret: $secret) {\n        filename\n        code\n        instructions\n        securityAdvice\n        keyIncluded\n      }\n    }\n  }\n"): (typeof documents)["\n  query TriggerSnippet($id: ID!, $language: SnippetLanguage!, $keyId: ID!, $secret: String) {\n    trigger(id: $id) {\n      id\n      snippet(language: $language, ingestionKeyId: $keyId, ingestionKeySecret: $secret) {\n        filename\n        code\n        instructions\n        securityAdvice\n        keyIncluded\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TriggerDetails_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    description\n    category\n    identity\n    source\n    status\n    hiddenAt\n    latestVersion\n    editLockedUntil\n    outOfBox\n    canStartJourneys\n    createdAt\n    updatedAt\n    currentVersion {\n      id\n      number\n      usableFrom\n      usableNow\n      attributes {\n        name\n        displayName\n        description\n        type\n        required\n        maxLength\n        entity\n        comparators\n      }\n      allowedOperations {\n        identifier\n        read\n        write\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TriggerDetails_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    description\n    category\n    identity\n    source\n    status\n    hiddenAt\n    latestVersion\n    editLockedUntil\n    outOfBox\n    canStartJourneys\n    createdAt\n    updatedAt\n    currentVersion {\n      id\n      number\n      usableFrom\n      usableNow\n      attributes {\n        name\n        displayName\n        description\n        type\n        required\n        maxLength\n        entity\n        comparators\n      }\n      allowedOperations {\n        identifier\n        read\n        write\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TriggerRow_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    category\n    status\n    hiddenAt\n    latestVersion\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment TriggerRow_trigger on Trigger {\n    id\n    key\n    kind\n    title\n    category\n    status\n    hiddenAt\n    latestVersion\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchVerification($id: ID!) {\n    triggerVerification(triggerId: $id) {\n      status\n      readyAt\n      validCount\n      invalidCount\n      firstEventAt\n      lastEventAt\n      recentRejections {\n        at\n        reasons {\n          code\n          field\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WatchVerification($id: ID!) {\n    triggerVerification(triggerId: $id) {\n      status\n      readyAt\n      validCount\n      invalidCount\n      firstEventAt\n      lastEventAt\n      recentRejections {\n        at\n        reasons {\n          code\n          field\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIngestionKey($input: CreateIngestionKeyInput!) {\n    createIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        label\n        prefix\n        allowedOrigins\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIngestionKey($input: CreateIngestionKeyInput!) {\n    createIngestionKey(input: $input) {\n      secret\n      ingestionKey {\n        id\n        label\n        prefix\n        allowedOrigins\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTrigger($input: CreateTriggerInput!) {\n    createTrigger(input: $input) {\n      trigger {\n        id\n        key\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTrigger($input: CreateTriggerInput!) {\n    createTrigger(input: $input) {\n      trigger {\n        id\n        key\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideTrigger($input: HideTriggerInput!) {\n    hideTrigger(input: $input) {\n      trigger {\n        id\n        hiddenAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HideTrigger($input: HideTriggerInput!) {\n    hideTrigger(input: $input) {\n      trigger {\n        id\n        hiddenAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveReadiness {\n    triggerReadiness {\n      trigger {\n        id\n        status\n        readyAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveReadiness {\n    triggerReadiness {\n      trigger {\n        id\n        status\n        readyAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestEvent($input: SendTestEventInput!) {\n    sendTestEvent(input: $input) {\n      accepted\n      reasons {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestEvent($input: SendTestEventInput!) {\n    sendTestEvent(input: $input) {\n      accepted\n      reasons {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriggerTitleAvailable($title: String!, $exceptTriggerId: ID) {\n    triggerTitleAvailable(title: $title, exceptTriggerId: $exceptTriggerId)\n  }\n"): (typeof documents)["\n  query TriggerTitleAvailable($title: String!, $exceptTriggerId: ID) {\n    triggerTitleAvailable(title: $title, exceptTriggerId: $exceptTriggerId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriggerKeyAvailable($key: String!) {\n    triggerKeyAvailable(key: $key)\n  }\n"): (typeof documents)["\n  query TriggerKeyAvailable($key: String!) {\n    triggerKeyAvailable(key: $key)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTrigger($input: UpdateTriggerInput!) {\n    updateTrigger(input: $input) {\n      trigger {\n        id\n        ...TriggerDetails_trigger\n      }\n      version {\n        id\n        number\n        breaking\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTrigger($input: UpdateTriggerInput!) {\n    updateTrigger(input: $input) {\n      trigger {\n        id\n        ...TriggerDetails_trigger\n      }\n      version {\n        id\n        number\n        breaking\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trigger($id: ID!) {\n    trigger(id: $id) {\n      id\n      liveJourneys\n      ...TriggerDetails_trigger\n    }\n  }\n"): (typeof documents)["\n  query Trigger($id: ID!) {\n    trigger(id: $id) {\n      id\n      liveJourneys\n      ...TriggerDetails_trigger\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriggerVersions($id: ID!) {\n    trigger(id: $id) {\n      id\n      key\n      versions {\n        id\n        number\n        title\n        createdAt\n        authorLabel\n        breaking\n        usableFrom\n        usableNow\n        jsonSchema\n        changes {\n          summary\n          breaking\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TriggerVersions($id: ID!) {\n    trigger(id: $id) {\n      id\n      key\n      versions {\n        id\n        number\n        title\n        createdAt\n        authorLabel\n        breaking\n        usableFrom\n        usableNow\n        jsonSchema\n        changes {\n          summary\n          breaking\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriggerVersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    triggerVersionDiff(triggerId: $id, from: $from, to: $to) {\n      breaking\n      changes {\n        kind\n        summary\n        breaking\n      }\n    }\n  }\n"): (typeof documents)["\n  query TriggerVersionDiff($id: ID!, $from: Int!, $to: Int!) {\n    triggerVersionDiff(triggerId: $id, from: $from, to: $to) {\n      breaking\n      changes {\n        kind\n        summary\n        breaking\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Triggers($filter: TriggerFilter, $after: String) {\n    triggers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...TriggerRow_trigger\n      }\n    }\n  }\n"): (typeof documents)["\n  query Triggers($filter: TriggerFilter, $after: String) {\n    triggers(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...TriggerRow_trigger\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;